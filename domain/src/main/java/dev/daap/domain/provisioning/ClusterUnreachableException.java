package dev.daap.domain.provisioning;

/**
 * The cluster did not answer: a connection to it could not be made or broke off. Not the job's fault, so a job
 * that meets it waits for the cluster without using up an attempt.
 */
public class ClusterUnreachableException extends ProvisioningException {
    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

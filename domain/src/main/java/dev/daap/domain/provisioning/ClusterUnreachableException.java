package dev.daap.domain.provisioning;

/**
 * The cluster does not answer: a connection to it could not be made or broke off, it has no free connections, or
 * its probes say it is down. Not the job's fault, so a job that meets it waits for the cluster without using up an
 * attempt.
 */
public class ClusterUnreachableException extends ProvisioningException {
    public ClusterUnreachableException(String message) {
        super(message);
    }

    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

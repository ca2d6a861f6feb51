package dev.daap.domain.cluster;

/**
 * A probe got no reading: the cluster did not answer in time, refused the admin login, or failed the query. The
 * message is written for a platform admin (it becomes the health's {@code error}) and never holds the admin URL's
 * password.
 */
public class ClusterProbeException extends RuntimeException {
    public ClusterProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.daap.domain.job;

/** The worker's lease ran out and the job was taken by another worker (or finished); this result is dropped. */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(String message) {
        super(message);
    }
}

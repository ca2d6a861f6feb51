package dev.daap.migrations;

/** A migration could not run or failed; the message names the schema and the cause. */
public class MigrationException extends RuntimeException {
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

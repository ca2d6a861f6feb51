package dev.daap.bootstrap;

/** Configuration that DAAP cannot start with; the message names the variable and what it must be. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}

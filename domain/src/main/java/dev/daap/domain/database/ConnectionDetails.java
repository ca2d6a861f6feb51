package dev.daap.domain.database;

/** Where a provisioned database is reached. No secrets: passwords live in the credential vault. */
public record ConnectionDetails(String host, int port, String database, String username) {}

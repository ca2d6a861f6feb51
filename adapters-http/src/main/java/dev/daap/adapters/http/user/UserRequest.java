package dev.daap.adapters.http.user;

/** The body of {@code POST /v1/databases/{id}/users}. */
public record UserRequest(String name, String access) {}

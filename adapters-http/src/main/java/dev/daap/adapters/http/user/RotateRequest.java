package dev.daap.adapters.http.user;

/** The body of a rotation, which may be left out: {@code overlap} such as {@code "1h"}, {@code "0"} by default. */
public record RotateRequest(String overlap) {}

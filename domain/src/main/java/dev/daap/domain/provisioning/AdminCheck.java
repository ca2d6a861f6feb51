package dev.daap.domain.provisioning;

/**
 * What a provisioner saw when it connected with a cluster's admin URL and found the privileges it needs.
 *
 * @param serverVersion e.g. {@code 17.6}
 * @param latencyMs     how long connecting and checking took
 */
public record AdminCheck(String serverVersion, int latencyMs) {}

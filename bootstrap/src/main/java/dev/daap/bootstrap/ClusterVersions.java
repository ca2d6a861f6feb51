package dev.daap.bootstrap;

import java.util.Map;

/**
 * The PostgreSQL version of each cluster DAAP provisions on, by name, for GET /v1/version. Today there is one
 * target (PROVISIONER_DATABASE_URL, or DAAP's own server), named {@code default}; with a fleet of clusters this
 * is where each cluster's version comes from.
 */
@FunctionalInterface
interface ClusterVersions {
    Map<String, String> byCluster();
}

package dev.daap.bootstrap;

import dev.daap.adapters.http.version.VersionInfo;
import dev.daap.adapters.http.version.VersionSource;
import dev.daap.adapters.postgres.PostgresServerVersion;
import dev.daap.adapters.postgres.SchemaVersion;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What this instance runs, for GET /v1/version: the build, the schema and the PostgreSQL servers it uses. */
final class RunningVersion implements VersionSource {
    static final String UNREACHABLE = "unreachable";
    private static final Logger log = LoggerFactory.getLogger(RunningVersion.class);
    private final BuildInfo build;
    private final SchemaVersion schema;
    private final int knownChangesets;
    private final DSLContext metadata;
    private final ClusterVersions clusters;

    RunningVersion(
            BuildInfo build, SchemaVersion schema, int knownChangesets, DSLContext metadata, ClusterVersions clusters) {
        this.build = build;
        this.schema = schema;
        this.knownChangesets = knownChangesets;
        this.metadata = metadata;
        this.clusters = clusters;
    }

    /** Its own database away, the answer still comes: with what could not be read marked as such. */
    @Override
    public VersionInfo current() {
        String daap = UNREACHABLE;
        int applied = -1;
        String latest = null;
        Map<String, String> clusterVersions = Map.of();
        try {
            daap = PostgresServerVersion.of(metadata);
            applied = schema.appliedChangesets();
            latest = schema.latestChangeset().orElse(null);
            clusterVersions = clusters.byCluster();
        } catch (RuntimeException e) {
            log.debug("the version cannot read DAAP's own database or its changelog", e);
        }
        return new VersionInfo(
                build.version(),
                build.commit(),
                new VersionInfo.Schema(applied, knownChangesets, latest),
                new VersionInfo.Postgres(daap, clusterVersions));
    }
}

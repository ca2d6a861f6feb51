package dev.daap.bootstrap;

import dev.daap.embedded.EmbeddedPostgres;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where DAAP keeps its own metadata: the server named by DATABASE_URL (after waiting for it), or, when
 * that is unset, an embedded PostgreSQL 17 whose files live under DAAP_DATA_DIR. Closing stops the embedded one,
 * unless it is another process's.
 */
final class MetadataDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetadataDatabase.class);
    private final JdbcTarget target;
    private final EmbeddedPostgres embedded;

    private MetadataDatabase(JdbcTarget target, EmbeddedPostgres embedded) {
        this.target = target;
        this.embedded = embedded;
    }

    /** For {@code serve}, which runs the embedded server itself and refuses a folder another process runs. */
    static MetadataDatabase open(DaapConfig config) {
        return open(config, false);
    }

    /**
     * For a command that runs and exits (migrate, admin): the same database, and on the embedded server under
     * DAAP_DATA_DIR also while a {@code serve} runs it (the command connects to that server and leaves it running).
     */
    static MetadataDatabase openForCommand(DaapConfig config) {
        return open(config, true);
    }

    private static MetadataDatabase open(DaapConfig config, boolean shareRunningServer) {
        if (config.databaseUrl().isPresent()) {
            DatabaseUrl url = config.databaseUrl().get();
            var target = JdbcTarget.of(url, "external");
            log.info(
                    "Using the external PostgreSQL at {} (DATABASE_URL), schema {}",
                    target.displayUrl(),
                    config.schema());
            DatabaseWait.untilReachable(target, config.databaseWait(), url.source());
            return new MetadataDatabase(target, null);
        }
        var folder = config.dataDir().resolve("postgres").toAbsolutePath().normalize();
        log.info("DATABASE_URL is unset: using the embedded PostgreSQL 17 in {}, schema {}", folder, config.schema());
        EmbeddedPostgres embedded = shareRunningServer
                ? EmbeddedPostgres.startOrAttach(folder, Map.of())
                : EmbeddedPostgres.start(
                        folder,
                        0,
                        Map.of(
                                "listen_addresses",
                                EmbeddedPostgres.listenAddresses(
                                        config.network().embeddedListen())));
        var target = new JdbcTarget(
                embedded.jdbcUrl("postgres"),
                EmbeddedPostgres.HOST,
                embedded.port(),
                "postgres",
                EmbeddedPostgres.SUPERUSER,
                embedded.password(),
                Map.of(),
                "embedded");
        return new MetadataDatabase(target, embedded);
    }

    JdbcTarget target() {
        return target;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.stop();
        }
    }
}

package dev.daap.bootstrap;

import dev.daap.adapters.backup.s3.S3Location;
import dev.daap.adapters.backup.s3.S3Settings;
import dev.daap.adapters.http.ratelimit.RateLimitSettings;
import dev.daap.application.cluster.ProbeSettings;
import dev.daap.application.plan.AdmissionSettings;
import dev.daap.bootstrap.observability.TelemetrySettings;
import dev.daap.bootstrap.observability.TraceSampling;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.migrations.Migrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything DAAP reads from its environment (12-factor), checked once at start-up. A bad value stops start-up
 * with a message that names the variable.
 *
 * @param databaseUrl    empty: run the embedded PostgreSQL under {@code dataDir}
 * @param listenHost     the address DAAP's HTTP server binds
 * @param network        where the embedded PostgreSQL listens and which host clients are told
 * @param snapshotsPerDatabase how many snapshots a database may keep
 * @param usersPerDatabase how many users a database may have, its first owner included
 * @param backupsPerDatabase how many backups a client may keep of a database (scheduled ones are bounded by retention)
 * @param backups        where backups go and which client tools take them
 * @param admission      the teams' default quota and the installation's currency
 */
public record DaapConfig(
        int port,
        String listenHost,
        Optional<DatabaseUrl> databaseUrl,
        Path dataDir,
        String schema,
        int maxConnections,
        int minConnections,
        Duration maxConnectionLifetime,
        Duration maxConnectionIdleTime,
        Duration databaseWait,
        boolean migrateOnStart,
        Duration shutdownTimeout,
        Optional<DatabaseUrl> provisionerUrl,
        JobConfig jobs,
        Optional<String> secretKey,
        Optional<String> adminToken,
        Duration apiKeyCacheTtl,
        EventConfig events,
        NetworkConfig network,
        ProbeConfig probes,
        int managementPort,
        TelemetrySettings telemetry,
        Duration restoreWindow,
        RateLimitSettings rateLimits,
        int snapshotsPerDatabase,
        int usersPerDatabase,
        int backupsPerDatabase,
        BackupConfig backups,
        DrillConfig drills,
        AdmissionSettings admission,
        Duration usageRetention) {
    public static final String ADMIN_TOKEN = "DAAP_ADMIN_TOKEN";
    public static final String BACKUP_URL = "DAAP_BACKUP_URL";
    public static final String BACKUP_POLICY = "DAAP_BACKUP_POLICY";
    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_USER = "DATABASE_USER";
    public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";
    public static final String EMBEDDED_LISTEN_DEFAULT = "127.0.0.1";
    public static final String MANAGEMENT_PORT = "DAAP_MANAGEMENT_PORT";
    /** Read by logback.xml itself (it picks the appender); checked here so that a typo stops start-up. */
    public static final String LOG_FORMAT = "DAAP_LOG_FORMAT";

    /**
     * The job workers.
     *
     * @param workers 0 runs no workers on this instance (jobs wait for another instance)
     */
    public record JobConfig(int workers, Duration pollInterval, int maxAttempts, Duration retryBase, Duration lease) {}

    /**
     * Live events.
     *
     * @param heartbeat    how long an idle stream waits before a keep-alive comment
     * @param retention    how long events are kept for clients to resume from
     * @param buffer       events a subscriber may fall behind before it is disconnected (and resumes from the table)
     * @param pollInterval how often the relay reads the table while anyone subscribes, besides notifications
     */
    public record EventConfig(Duration heartbeat, Duration retention, int buffer, Duration pollInterval) {}

    /**
     * How databases are reached from other machines.
     *
     * @param embeddedListen where the embedded PostgreSQL listens besides 127.0.0.1 ({@code *}: every address)
     * @param advertisedHost the host clients of the default cluster are told; empty: its admin URL's
     */
    public record NetworkConfig(String embeddedListen, Optional<String> advertisedHost) {}

    /**
     * The fleet's health probe.
     *
     * @param interval  each cluster is probed once per interval, however many instances run
     * @param downAfter failed probes in a row after which a cluster is down
     * @param timeout   how long a probe may wait to connect, and then for its query
     * @param sizes     how many databases' sizes one probe measures at most, the least recently measured first
     */
    public record ProbeConfig(Duration interval, int downAfter, Duration timeout, int sizes) {}

    /**
     * Backups.
     *
     * @param folder     where the folder store keeps them: {@code DAAP_BACKUP_URL} as a path or {@code file:} URL,
     *                   by default {@code <DAAP_DATA_DIR>/backups}
     * @param pgBinDirs  folders to search first for PostgreSQL's client tools ({@code DAAP_PG_BIN_DIRS}, separated
     *                   by the platform's path separator)
     * @param s3         present: backups go to S3 instead ({@code DAAP_BACKUP_URL=s3://bucket/prefix}, with the AWS
     *                   variables); {@code folder} is then unused
     * @param defaultPolicy the scheduled backups of a database whose create says nothing of them
     *                   ({@code DAAP_BACKUP_POLICY}, {@code daily:30} as record 002 decided; {@code none}: none)
     */
    public record BackupConfig(
            Path folder, List<Path> pgBinDirs, Optional<S3Settings> s3, Optional<BackupPolicy> defaultPolicy) {}

    /**
     * Restore drills DAAP runs by itself.
     *
     * @param interval how often a sample of backups is drilled, across all instances; zero: never
     * @param sample   how many databases' newest backups each round drills
     */
    public record DrillConfig(Duration interval, int sample) {
        public boolean enabled() {
            return !interval.isZero();
        }
    }

    public static DaapConfig fromEnvironment(Map<String, String> env) {
        var reader = new Reader(env);
        DaapConfig config = new DaapConfig(
                reader.integer("PORT", 8080, 0, 65535),
                reader.host("DAAP_LISTEN_HOST", "0.0.0.0"),
                metadataDatabase(reader),
                Path.of(reader.text("DAAP_DATA_DIR", "./data")),
                reader.schema("DB_SCHEMA", "daap"),
                reader.integer("DB_MAX_CONNS", 25, 1, 10_000),
                reader.integer("DB_MIN_CONNS", 5, 0, 10_000),
                reader.duration("DB_MAX_CONN_LIFETIME", "1h"),
                reader.duration("DB_MAX_CONN_IDLE_TIME", "30m"),
                reader.duration("DB_WAIT_TIMEOUT", "60s"),
                reader.bool("DAAP_MIGRATE_ON_START", true),
                reader.duration("DAAP_SHUTDOWN_TIMEOUT", "30s"),
                reader.optional("PROVISIONER_DATABASE_URL")
                        .map(url -> DatabaseUrl.parse("PROVISIONER_DATABASE_URL", url)),
                new JobConfig(
                        reader.integer("DAAP_WORKERS", 2, 0, 64),
                        reader.duration("DAAP_JOB_POLL_INTERVAL", "5s"),
                        reader.integer("DAAP_JOB_MAX_ATTEMPTS", 6, 1, 100),
                        reader.duration("DAAP_JOB_RETRY_BASE", "2s"),
                        reader.duration("DAAP_JOB_LEASE", "2m")),
                reader.optional(SecretKeys.VARIABLE),
                reader.optional(ADMIN_TOKEN).map(DaapConfig::checkedAdminToken),
                reader.duration("DAAP_API_KEY_CACHE_TTL", "30s"),
                new EventConfig(
                        reader.duration("DAAP_EVENTS_HEARTBEAT", "15s"),
                        reader.duration("DAAP_EVENTS_RETENTION", "7d"),
                        reader.integer("DAAP_EVENTS_BUFFER", 1000, 10, 1_000_000),
                        reader.duration("DAAP_EVENTS_POLL_INTERVAL", "1s")),
                new NetworkConfig(
                        reader.listenAddress("DAAP_EMBEDDED_LISTEN", EMBEDDED_LISTEN_DEFAULT),
                        reader.optional("DAAP_ADVERTISED_HOST").map(host -> reader.host("DAAP_ADVERTISED_HOST", host))),
                new ProbeConfig(
                        reader.duration("DAAP_CLUSTER_PROBE_INTERVAL", "15s"),
                        reader.integer("DAAP_CLUSTER_DOWN_AFTER", 3, 1, 100),
                        reader.duration("DAAP_CLUSTER_PROBE_TIMEOUT", "5s"),
                        reader.integer("DAAP_CLUSTER_PROBE_SIZES", ProbeSettings.SIZES_PER_PROBE, 0, 1_000_000)),
                reader.integer(MANAGEMENT_PORT, 8081, 0, 65535),
                telemetry(reader),
                reader.duration("DAAP_RESTORE_WINDOW", "7d"),
                rateLimits(reader),
                reader.integer("DAAP_SNAPSHOTS_PER_DATABASE", 10, 1, 1000),
                reader.integer("DAAP_USERS_PER_DATABASE", 50, 1, 1000),
                reader.integer("DAAP_BACKUPS_PER_DATABASE", 100, 1, 10_000),
                backups(reader),
                new DrillConfig(
                        reader.duration("DAAP_RESTORE_DRILL_INTERVAL", "1d"),
                        reader.integer("DAAP_RESTORE_DRILL_SAMPLE", 5, 1, 1000)),
                admission(reader),
                reader.duration("DAAP_USAGE_RETENTION", "400d"));
        reader.oneOf(LOG_FORMAT, "plain", "plain", "json");
        if (config.port != 0 && config.port == config.managementPort) {
            throw new ConfigException(MANAGEMENT_PORT + " must differ from PORT (" + config.port + ")");
        }
        if (config.minConnections > config.maxConnections) {
            throw new ConfigException("DB_MIN_CONNS (" + config.minConnections + ") must not exceed DB_MAX_CONNS ("
                    + config.maxConnections + ")");
        }
        if (config.maxConnectionLifetime.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new ConfigException("DB_MAX_CONN_LIFETIME must be at least 30s (HikariCP's lower bound)");
        }
        if (config.jobs.pollInterval().compareTo(Duration.ofMillis(100)) < 0
                || config.jobs.lease().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException("DAAP_JOB_POLL_INTERVAL must be at least 100ms and DAAP_JOB_LEASE at least 1s");
        }
        if (config.events.heartbeat().compareTo(Duration.ofSeconds(1)) < 0
                || config.events.retention().compareTo(Duration.ofMinutes(1)) < 0
                || config.events.pollInterval().compareTo(Duration.ofMillis(100)) < 0) {
            throw new ConfigException("DAAP_EVENTS_HEARTBEAT must be at least 1s, DAAP_EVENTS_RETENTION at least 1m "
                    + "and DAAP_EVENTS_POLL_INTERVAL at least 100ms");
        }
        if (config.apiKeyCacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigException("DAAP_API_KEY_CACHE_TTL must be at most 5m: a revoked key works on other "
                    + "instances for up to this long");
        }
        if (config.probes.interval().compareTo(Duration.ofSeconds(1)) < 0
                || config.probes.timeout().compareTo(Duration.ofSeconds(1)) < 0
                || config.probes.timeout().compareTo(config.probes.interval()) >= 0) {
            throw new ConfigException("DAAP_CLUSTER_PROBE_INTERVAL and DAAP_CLUSTER_PROBE_TIMEOUT must be at least 1s,"
                    + " and the timeout shorter than the interval (a probe must end before the next one is due)");
        }
        if (config.drills.enabled() && config.drills.interval().compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigException("DAAP_RESTORE_DRILL_INTERVAL must be 0 (no drills of DAAP's own) or at least 1m");
        }
        if (config.usageRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new ConfigException(
                    "DAAP_USAGE_RETENTION must be at least 1d (hourly usage older than it is deleted)");
        }
        if (config.restoreWindow.isNegative()) {
            throw new ConfigException("DAAP_RESTORE_WINDOW must not be negative");
        }
        if (config.maxConnectionIdleTime.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ConfigException("DB_MAX_CONN_IDLE_TIME must be at least 10s (HikariCP's lower bound)");
        }
        return config;
    }

    private static AdmissionSettings admission(Reader reader) {
        int maxDatabases = reader.integer("DAAP_TEAM_MAX_DATABASES", 100, 0, 1_000_000);
        String currency = reader.text("DAAP_CURRENCY", "EUR");
        try {
            return new AdmissionSettings(maxDatabases, currency);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DAAP_CURRENCY: " + e.getMessage());
        }
    }

    /** The generated one would print DAAP_SECRET_KEY; a config may end up in a log or a test report. */
    @Override
    public String toString() {
        return "DaapConfig[port=" + port + ", listenHost=" + listenHost + ", network=" + network + ", databaseUrl="
                + databaseUrl + ", dataDir=" + dataDir + ", schema="
                + schema + ", pool=" + minConnections + ".." + maxConnections + ", provisionerUrl=" + provisionerUrl
                + ", jobs=" + jobs + ", probes=" + probes + ", secretKey=" + (secretKey.isPresent() ? "***" : "unset")
                + ", adminToken="
                + (adminToken.isPresent() ? "***" : "unset") + ", apiKeyCacheTtl=" + apiKeyCacheTtl
                + ", managementPort=" + managementPort + ", telemetry=" + telemetry + ", restoreWindow=" + restoreWindow
                + ", rateLimits=" + rateLimits + ", backups=" + backups + "]";
    }

    private static BackupConfig backups(Reader reader) {
        Path dataDir = Path.of(reader.text("DAAP_DATA_DIR", "./data"));
        String url = reader.text(BACKUP_URL, "");
        Path folder = dataDir.resolve("backups");
        // Read whatever the store: the variable names are DAAP's (DaapVariables), checked only for an s3:// URL.
        Optional<S3Settings> s3 = s3(url, reader);
        if (s3.isPresent() || url.isBlank()) {
            // the default folder
        } else if (url.startsWith("file:")) {
            try {
                folder = Path.of(java.net.URI.create(url));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(BACKUP_URL + " must be a folder, a file:///absolute/path URL or "
                        + "s3://bucket/prefix, not '" + url + "' (" + e.getMessage() + ")");
            }
        } else if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new ConfigException(BACKUP_URL + " must be a folder, a file:///absolute/path URL or "
                    + "s3://bucket/prefix; '" + url.replaceFirst("://.*", "://…") + "' is not supported");
        } else {
            folder = Path.of(url);
        }
        List<Path> pgBinDirs = reader.text("DAAP_PG_BIN_DIRS", "").isBlank()
                ? List.of()
                : java.util.Arrays.stream(reader.text("DAAP_PG_BIN_DIRS", "").split(java.io.File.pathSeparator))
                        .filter(dir -> !dir.isBlank())
                        .map(Path::of)
                        .toList();
        return new BackupConfig(folder, pgBinDirs, s3, defaultBackupPolicy(reader));
    }

    /** {@code schedule:retain} (hourly, daily or weekly; 1 to 1000), or {@code none}. */
    private static Optional<BackupPolicy> defaultBackupPolicy(Reader reader) {
        String raw = reader.text(BACKUP_POLICY, "daily:30").trim();
        if (raw.equals("none")) {
            return Optional.empty();
        }
        try {
            return Optional.of(BackupPolicy.parse(raw));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(BACKUP_POLICY + " must be schedule:retain (hourly, daily or weekly, and 1 to "
                    + BackupPolicy.MAX_RETAIN + " backups kept, e.g. daily:30) or none, not '" + raw + "': "
                    + e.getMessage());
        }
    }

    /** The S3 store's settings, from the variables every AWS tool reads; empty for a folder. */
    private static Optional<S3Settings> s3(String url, Reader reader) {
        Map<String, String> aws = new java.util.HashMap<>();
        for (String name : List.of(
                S3Settings.ENDPOINT_S3,
                S3Settings.ENDPOINT,
                S3Settings.REGION,
                S3Settings.DEFAULT_REGION,
                S3Settings.ACCESS_KEY_ID,
                S3Settings.SECRET_ACCESS_KEY,
                S3Settings.SESSION_TOKEN)) {
            reader.secret(name).ifPresent(value -> aws.put(name, value));
        }
        if (!url.startsWith("s3:")) {
            return Optional.empty();
        }
        S3Location location;
        try {
            location = S3Location.parse(url);
        } catch (IllegalArgumentException e) {
            // the URL is not echoed: a mistaken one may hold a key
            throw new ConfigException(BACKUP_URL + " must be s3://bucket or s3://bucket/prefix: " + e.getMessage());
        }
        try {
            return Optional.of(S3Settings.fromEnvironment(location, aws));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (" + BACKUP_URL + " names an S3 store)");
        }
    }

    /** Per instance: each instance counts the requests it serves. */
    private static RateLimitSettings rateLimits(Reader reader) {
        return new RateLimitSettings(
                reader.integer("DAAP_RATE_LIMIT_PER_MINUTE", RateLimitSettings.DEFAULT_PER_MINUTE, 1, 1_000_000_000),
                reader.integer("DAAP_RATE_LIMIT_BURST", RateLimitSettings.DEFAULT_PER_SECOND, 1, 1_000_000_000),
                reader.integer(
                        "DAAP_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE",
                        RateLimitSettings.DEFAULT_AUTH_FAILURES_PER_MINUTE,
                        1,
                        1_000_000_000),
                reader.integer(
                        "DAAP_RATE_LIMIT_MAX_CLIENTS", RateLimitSettings.DEFAULT_MAX_CLIENTS, 1_000, 10_000_000));
    }

    /** DAAP's own switches, and the standard OpenTelemetry variables DAAP honours. */
    private static TelemetrySettings telemetry(Reader reader) {
        return new TelemetrySettings(
                reader.bool("DAAP_METRICS", true),
                reader.optional("OTEL_EXPORTER_OTLP_ENDPOINT").map(DaapConfig::checkedEndpoint),
                reader.optional("OTEL_EXPORTER_OTLP_HEADERS")
                        .map(DaapConfig::otlpHeaders)
                        .orElse(Map.of()),
                reader.text("OTEL_SERVICE_NAME", TelemetrySettings.DEFAULT_SERVICE_NAME),
                new TraceSampling(
                        reader.oneOf(
                                TraceSampling.SAMPLER_VARIABLE,
                                TraceSampling.DEFAULT_SAMPLER,
                                TraceSampling.SAMPLERS.toArray(String[]::new)),
                        reader.ratio(TraceSampling.RATIO_VARIABLE, 1.0)),
                reader.bool("DAAP_ACCESS_LOG", true));
    }

    private static String checkedEndpoint(String endpoint) {
        if (!endpoint.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new ConfigException("OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL (OTLP over "
                    + "HTTP, e.g. http://collector:4318), not '" + endpoint + "'");
        }
        return endpoint;
    }

    /** {@code key1=value1,key2=value2}, values URL-encoded, as the OpenTelemetry specification writes them. */
    private static Map<String, String> otlpHeaders(String raw) {
        var headers = new java.util.LinkedHashMap<String, String>();
        for (String pair : raw.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException("OTEL_EXPORTER_OTLP_HEADERS must be key=value pairs separated by commas");
            }
            headers.put(
                    pair.substring(0, equals).strip(),
                    java.net.URLDecoder.decode(
                            pair.substring(equals + 1).strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return headers;
    }

    /**
     * DATABASE_URL, with DATABASE_USER and DATABASE_PASSWORD filled in when they are given beside it: a password kept
     * apart needs no percent-encoding, so one with / or + works as it is, and a Secret can hold it alone.
     */
    private static Optional<DatabaseUrl> metadataDatabase(Reader reader) {
        Optional<String> user = reader.optional(DATABASE_USER);
        Optional<String> password = reader.secret(DATABASE_PASSWORD);
        Optional<String> text = reader.optional(DATABASE_URL);
        if (text.isEmpty()) {
            if (user.isPresent() || password.isPresent()) {
                throw new ConfigException((user.isPresent() ? DATABASE_USER : DATABASE_PASSWORD) + " is set but "
                        + DATABASE_URL + " is not: set " + DATABASE_URL + " to the server they are for, as in "
                        + "postgres://db.internal:5432/daap, or unset both to use the embedded PostgreSQL");
            }
            return Optional.empty();
        }
        DatabaseUrl url = DatabaseUrl.parse(DATABASE_URL, text.get());
        if (user.isPresent()) {
            if (url.user() != null && !url.user().equals(user.get())) {
                throw new ConfigException(DATABASE_URL + " names the user '" + url.user() + "' and " + DATABASE_USER
                        + " the user '" + user.get() + "': give the user in one place only");
            }
            url = url.withUser(user.get(), DATABASE_USER);
        }
        if (password.isPresent()) {
            if (url.password() != null && !url.password().equals(password.get())) {
                throw new ConfigException(DATABASE_URL + " holds a password and " + DATABASE_PASSWORD + " another: "
                        + "give the password in one place only (" + DATABASE_PASSWORD + " needs no percent-encoding)");
            }
            url = url.withPassword(password.get(), DATABASE_PASSWORD);
        }
        return Optional.of(url);
    }

    private static String checkedAdminToken(String token) {
        try {
            return ApiToken.parse(token).value();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ADMIN_TOKEN + " " + e.getMessage() + "; make one with: echo daap_admin_$(openssl "
                    + "rand -hex 32)");
        }
    }

    /** Reads and checks one variable at a time; blank counts as unset. */
    private record Reader(Map<String, String> env) {
        Optional<String> optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        /** As it is, spaces and all (a password may hold them); empty counts as unset. */
        Optional<String> secret(String name) {
            String value = env.get(name);
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        String text(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            throw new ConfigException(
                    name + " must be a whole number from " + min + " to " + max + ", not '" + value.get() + "'");
        }

        /** A share from 0 to 1, such as 0.1 or 1. */
        double ratio(String name, double fallback) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                double parsed = Double.parseDouble(value.get());
                if (parsed >= 0 && parsed <= 1) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            throw new ConfigException(
                    name + " must be a number from 0 to 1 (0.1: one trace in ten), not '" + value.get() + "'");
        }

        Duration duration(String name, String fallback) {
            return Durations.parse(name, text(name, fallback));
        }

        boolean bool(String name, boolean fallback) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            return switch (value.get().toLowerCase()) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw new ConfigException(name + " must be true or false, not '" + value.get() + "'");
            };
        }

        /** A host name or an IP address, as clients or a bind would use it. */
        String host(String name, String fallback) {
            String value = text(name, fallback);
            try {
                return ClientEndpoint.checkedHost(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + " " + e.getMessage() + ", not '" + value + "'");
            }
        }

        /** Where a PostgreSQL listens: addresses or host names separated by commas, or {@code *} for all. */
        String listenAddress(String name, String fallback) {
            String value = text(name, fallback);
            if (!value.equals("*")) {
                for (String address : value.split(",", -1)) {
                    try {
                        ClientEndpoint.checkedHost(address.strip());
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(name + " must be '*' or host names and IP addresses separated by "
                                + "commas, not '" + value + "'");
                    }
                }
            }
            return value.replace(" ", "");
        }

        String oneOf(String name, String fallback, String... allowed) {
            String value = text(name, fallback);
            if (!java.util.Arrays.asList(allowed).contains(value)) {
                throw new ConfigException(
                        name + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
            }
            return value;
        }

        String schema(String name, String fallback) {
            String value = text(name, fallback);
            if (!Migrator.isValidSchemaName(value)) {
                throw new ConfigException(name + " must be lowercase letters, digits and underscores, starting "
                        + "with a letter or underscore, at most 63 characters, not '" + value + "'");
            }
            return value;
        }
    }
}

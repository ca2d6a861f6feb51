package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.http.ratelimit.RateLimitSettings;
import dev.daap.bootstrap.observability.TraceSampling;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.BackupSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaapConfigTest {

    @Test
    void defaultsFollowTheArchitectureRecord() {
        DaapConfig config = DaapConfig.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.schema()).isEqualTo("daap");
        assertThat(config.maxConnections()).isEqualTo(25);
        assertThat(config.minConnections()).isEqualTo(5);
        assertThat(config.maxConnectionLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(config.maxConnectionIdleTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.migrateOnStart()).isTrue();
        assertThat(config.probes())
                .isEqualTo(new DaapConfig.ProbeConfig(Duration.ofSeconds(15), 3, Duration.ofSeconds(5), 50));
        assertThat(config.usageRetention()).isEqualTo(Duration.ofDays(400));
        assertThat(config.backups().defaultPolicy())
                .as("daily dumps kept 30 days, as record 002 decided")
                .contains(new BackupPolicy(BackupSchedule.DAILY, 30));
    }

    @Test
    void theDefaultBackupPolicyIsScheduleColonRetainOrNone() {
        assertThat(DaapConfig.fromEnvironment(Map.of("DAAP_BACKUP_POLICY", "hourly:48"))
                        .backups()
                        .defaultPolicy())
                .contains(new BackupPolicy(BackupSchedule.HOURLY, 48));
        assertThat(DaapConfig.fromEnvironment(Map.of("DAAP_BACKUP_POLICY", "none"))
                        .backups()
                        .defaultPolicy())
                .isEmpty();
    }

    @Test
    void readsTheFleetsProbeSettings() {
        DaapConfig config = DaapConfig.fromEnvironment(Map.of(
                "DAAP_CLUSTER_PROBE_INTERVAL",
                "1m",
                "DAAP_CLUSTER_DOWN_AFTER",
                "5",
                "DAAP_CLUSTER_PROBE_TIMEOUT",
                "10s",
                "DAAP_CLUSTER_PROBE_SIZES",
                "200"));

        assertThat(config.probes())
                .isEqualTo(new DaapConfig.ProbeConfig(Duration.ofMinutes(1), 5, Duration.ofSeconds(10), 200));
    }

    @Test
    void tracesAreSampledAsTheOpenTelemetryVariablesSay() {
        assertThat(DaapConfig.fromEnvironment(Map.of()).telemetry().sampling())
                .isEqualTo(new TraceSampling("parentbased_always_on", 1.0));
        assertThat(DaapConfig.fromEnvironment(Map.of(
                                "OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0.05"))
                        .telemetry()
                        .sampling())
                .isEqualTo(new TraceSampling("parentbased_traceidratio", 0.05));

        assertThatThrownBy(() -> DaapConfig.fromEnvironment(Map.of("OTEL_TRACES_SAMPLER", "jaeger_remote")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OTEL_TRACES_SAMPLER")
                .hasMessageContaining("parentbased_traceidratio");
        assertThatThrownBy(() -> DaapConfig.fromEnvironment(Map.of("OTEL_TRACES_SAMPLER_ARG", "10%")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1");
        assertThatThrownBy(() -> DaapConfig.fromEnvironment(Map.of("OTEL_TRACES_SAMPLER_ARG", "1.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OTEL_TRACES_SAMPLER_ARG");
    }

    @Test
    void readsEveryVariable() {
        DaapConfig config = DaapConfig.fromEnvironment(Map.of(
                "PORT",
                "9090",
                "DATABASE_URL",
                "postgres://u:p@db:5433/meta",
                "DAAP_DATA_DIR",
                "/var/lib/daap",
                "DB_SCHEMA",
                "platform",
                "DB_MAX_CONNS",
                "40",
                "DB_MIN_CONNS",
                "0",
                "DB_MAX_CONN_LIFETIME",
                "90s",
                "DB_MAX_CONN_IDLE_TIME",
                "1h30m",
                "DAAP_MIGRATE_ON_START",
                "false"));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.databaseUrl())
                .get()
                .extracting(DatabaseUrl::jdbcUrl)
                .isEqualTo("jdbc:postgresql://db:5433/meta");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/daap"));
        assertThat(config.schema()).isEqualTo("platform");
        assertThat(config.maxConnections()).isEqualTo(40);
        assertThat(config.minConnections()).isZero();
        assertThat(config.maxConnectionLifetime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.maxConnectionIdleTime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.migrateOnStart()).isFalse();
    }

    @Test
    void theAdminTokenIsReadButNeverPrinted() {
        String token = "daap_admin_" + "0a".repeat(32);
        DaapConfig config =
                DaapConfig.fromEnvironment(Map.of("DAAP_ADMIN_TOKEN", token, "DAAP_API_KEY_CACHE_TTL", "5s"));

        assertThat(config.adminToken()).contains(token);
        assertThat(config.apiKeyCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toString()).doesNotContain(token).contains("adminToken=***");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PORT|http|PORT must be a whole number from 0 to 65535",
                "PORT|70000|PORT must be a whole number",
                "DB_MAX_CONNS|0|DB_MAX_CONNS must be a whole number from 1",
                "DB_MIN_CONNS|-1|DB_MIN_CONNS must be a whole number",
                "DB_MAX_CONN_LIFETIME|an hour|DB_MAX_CONN_LIFETIME must be a duration such as 90s",
                "DB_MAX_CONN_LIFETIME|10s|DB_MAX_CONN_LIFETIME must be at least 30s",
                "DB_MAX_CONN_IDLE_TIME|30|DB_MAX_CONN_IDLE_TIME must be a duration",
                "DB_SCHEMA|Daap-Meta|DB_SCHEMA must be lowercase letters",
                "DAAP_MIGRATE_ON_START|maybe|DAAP_MIGRATE_ON_START must be true or false",
                "DATABASE_URL|mysql://x/y|DATABASE_URL must start with postgres://",
                "DAAP_ADMIN_TOKEN|letmein|DAAP_ADMIN_TOKEN is not a DAAP API token",
                "DAAP_API_KEY_CACHE_TTL|10m|DAAP_API_KEY_CACHE_TTL must be at most 5m",
                "DAAP_RATE_LIMIT_PER_MINUTE|0|DAAP_RATE_LIMIT_PER_MINUTE must be",
                "DAAP_RATE_LIMIT_BURST|many|DAAP_RATE_LIMIT_BURST must be",
                "DAAP_RATE_LIMIT_MAX_CLIENTS|10|DAAP_RATE_LIMIT_MAX_CLIENTS must be",
                "DAAP_CLUSTER_DOWN_AFTER|0|DAAP_CLUSTER_DOWN_AFTER must be a whole number from 1 to 100",
                "DAAP_CLUSTER_PROBE_INTERVAL|500ms|DAAP_CLUSTER_PROBE_INTERVAL and DAAP_CLUSTER_PROBE_TIMEOUT must be",
                "DAAP_CLUSTER_PROBE_TIMEOUT|15s|the timeout shorter than the interval",
                "DAAP_BACKUP_POLICY|daily|DAAP_BACKUP_POLICY must be schedule:retain",
                "DAAP_BACKUP_POLICY|monthly:3|DAAP_BACKUP_POLICY must be schedule:retain",
                "DAAP_BACKUP_POLICY|daily:0|retain must be between 1 and 1000",
                "DAAP_USAGE_RETENTION|12h|DAAP_USAGE_RETENTION must be at least 1d",
            })
    void aBadValueStopsStartUpNamingTheVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> DaapConfig.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rateLimitsDefaultToNeonsAndCanBeRaised() {
        assertThat(DaapConfig.fromEnvironment(Map.of()).rateLimits())
                .isEqualTo(new RateLimitSettings(700, 40, 60, 100_000));
        assertThat(DaapConfig.fromEnvironment(Map.of(
                                "DAAP_RATE_LIMIT_PER_MINUTE", "6000",
                                "DAAP_RATE_LIMIT_BURST", "200",
                                "DAAP_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE", "10",
                                "DAAP_RATE_LIMIT_MAX_CLIENTS", "5000"))
                        .rateLimits())
                .isEqualTo(new RateLimitSettings(6000, 200, 10, 5000));
    }

    @Test
    void theMinimumPoolSizeMayNotExceedTheMaximum() {
        assertThatThrownBy(() -> DaapConfig.fromEnvironment(Map.of("DB_MAX_CONNS", "4", "DB_MIN_CONNS", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DB_MIN_CONNS (5) must not exceed DB_MAX_CONNS (4)");
    }

    @Test
    void blankCountsAsUnset() {
        assertThat(DaapConfig.fromEnvironment(Map.of("DATABASE_URL", " ", "PORT", ""))
                        .databaseUrl())
                .isEmpty();
    }

    @Test
    void aPasswordBesideTheUrlNeedsNoEncodingAndIsTakenAsItIs() {
        String password = " pa/ss+w0rd=%zz ";
        DaapConfig config = DaapConfig.fromEnvironment(Map.of(
                "DATABASE_URL", "postgres://postgres:5432/daap?sslmode=disable",
                "DATABASE_USER", "daap",
                "DATABASE_PASSWORD", password));

        DatabaseUrl url = config.databaseUrl().orElseThrow();
        assertThat(url.user()).isEqualTo("daap");
        assertThat(url.password()).isEqualTo(password);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres:5432/daap");
        assertThat(url.properties()).isEqualTo(Map.of("sslmode", "disable"));
        assertThat(config.toString()).doesNotContain("pa/ss");
    }

    @Test
    void theSameUserOrPasswordInBothPlacesIsAccepted() {
        DatabaseUrl url = DaapConfig.fromEnvironment(Map.of(
                        "DATABASE_URL",
                        "postgres://daap:pw@db/daap",
                        "DATABASE_USER",
                        "daap",
                        "DATABASE_PASSWORD",
                        "pw"))
                .databaseUrl()
                .orElseThrow();

        assertThat(url.user()).isEqualTo("daap");
        assertThat(url.password()).isEqualTo("pw");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres://daap:pw@db/daap|DATABASE_PASSWORD|other|holds a password and DATABASE_PASSWORD another",
                "postgres://daap@db/daap|DATABASE_USER|admin|names the user 'daap' and DATABASE_USER the user 'admin'",
            })
    void aUserOrPasswordGivenTwiceDifferentlyIsRefused(String url, String variable, String value, String message) {
        assertThatThrownBy(() -> DaapConfig.fromEnvironment(Map.of("DATABASE_URL", url, variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("pw");
    }

    @Test
    void aPasswordWithoutAUrlIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> DaapConfig.fromEnvironment(Map.of("DATABASE_PASSWORD", "secret")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_PASSWORD is set but DATABASE_URL is not")
                .hasMessageNotContaining("secret");
    }

    @Test
    void backupsGoToTheFolderUnderTheDataDirectoryUnlessAUrlSaysOtherwise() {
        DaapConfig.BackupConfig backups = DaapConfig.fromEnvironment(Map.of("DAAP_DATA_DIR", "/var/lib/daap"))
                .backups();

        assertThat(backups.folder()).isEqualTo(Path.of("/var/lib/daap/backups"));
        assertThat(backups.s3()).isEmpty();
        assertThat(DaapConfig.fromEnvironment(Map.of("DAAP_BACKUP_URL", "file:///srv/backups"))
                        .backups()
                        .folder())
                .isEqualTo(Path.of("/srv/backups"));
    }

    @Test
    void anS3UrlTakesTheEndpointRegionAndKeysFromTheAwsVariablesAndNeverPrintsTheKeys() {
        DaapConfig config = DaapConfig.fromEnvironment(Map.of(
                "DAAP_BACKUP_URL", "s3://daap-backups/prod/eu/",
                "AWS_ENDPOINT_URL", "http://minio:9000",
                "AWS_ENDPOINT_URL_S3", "https://s3.internal:9443",
                "AWS_REGION", "eu-central-1",
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLEID",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

        var s3 = config.backups().s3().orElseThrow();
        assertThat(s3.location().bucket()).isEqualTo("daap-backups");
        assertThat(s3.location().prefix()).isEqualTo("prod/eu");
        assertThat(s3.endpoint()).contains(java.net.URI.create("https://s3.internal:9443"));
        assertThat(s3.region()).isEqualTo("eu-central-1");
        assertThat(s3.credentials().orElseThrow().secretAccessKey())
                .isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(config.toString())
                .contains("s3://daap-backups/prod/eu at https://s3.internal:9443")
                .doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("AKIAEXAMPLEID");
    }

    @Test
    void anS3UrlWithoutKeysLeavesThemToTheSdksChainAndDefaultsTheRegion() {
        var s3 = DaapConfig.fromEnvironment(Map.of("DAAP_BACKUP_URL", "s3://daap-backups"))
                .backups()
                .s3()
                .orElseThrow();

        assertThat(s3.location().prefix()).isEmpty();
        assertThat(s3.endpoint()).isEmpty();
        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.credentials()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "s3://Daap_Backups|||DAAP_BACKUP_URL must be s3://bucket or s3://bucket/prefix: an S3 bucket name",
                "s3://AKIAEXAMPLEID:hunter2@backups|||without user, password, port, query or fragment",
                "s3://backups/a//b|||an S3 prefix is names separated by single slashes",
                "s3://backups/../etc|||an S3 prefix is names separated by single slashes",
                "gs://backups/daap|||'gs://…' is not supported",
                "s3://backups|AWS_ENDPOINT_URL|ftp://minio|AWS_ENDPOINT_URL must be an http:// or https:// URL",
                "s3://backups|AWS_ENDPOINT_URL_S3|http://AKIAEXAMPLEID:hunter2@minio:9000|not a URL with a user",
                "s3://backups|AWS_REGION|EU Central|AWS_REGION must be a region name",
                "s3://backups|AWS_ACCESS_KEY_ID|AKIAEXAMPLEID|AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
                "s3://backups|AWS_SECRET_ACCESS_KEY|hunter2|AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
            })
    void aBadS3SettingStopsStartUpNamingTheVariableButNoKey(String url, String variable, String value, String message) {
        Map<String, String> env =
                variable == null ? Map.of("DAAP_BACKUP_URL", url) : Map.of("DAAP_BACKUP_URL", url, variable, value);

        assertThatThrownBy(() -> DaapConfig.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("AKIAEXAMPLEID");
    }
}

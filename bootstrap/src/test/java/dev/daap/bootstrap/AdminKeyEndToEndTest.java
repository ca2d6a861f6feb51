package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The first platform admin key: generated and shown once on a new installation, or taken from DAAP_ADMIN_TOKEN. */
class AdminKeyEndToEndTest {
    private static final Pattern TOKEN = Pattern.compile("daap_[a-z0-9]+_[A-Za-z0-9_-]+");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Application.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void aNewInstallationPrintsOneAdminKeyOnceAndItWorks() {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put(DaapConfig.ADMIN_TOKEN, ""); // blank: unset

        String token;
        try (RunningDaap daap = RunningDaap.start(env)) {
            List<String> tokens = printedTokens();
            assertThat(tokens).hasSize(1);
            token = tokens.getFirst();
            var me = daap.as(token).get("/v1/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body()).contains("\"role\":\"platform_admin\"");
            assertThat(daap.get("/v1/me").status())
                    .as("the test token was not configured")
                    .isEqualTo(401);
        }
        logged.list.clear();

        try (RunningDaap again = RunningDaap.start(env)) {
            assertThat(printedTokens()).as("never printed again").isEmpty();
            assertThat(again.as(token).get("/v1/me").status()).isEqualTo(200);
        }
    }

    @Test
    void aStartThatFailsShowsAndStoresNoKeyAndTheNextGoodStartGeneratesOne() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put(DaapConfig.ADMIN_TOKEN, "");
        try (var taken = new ServerSocket(0)) {
            env.put("PORT", String.valueOf(taken.getLocalPort()));

            assertThatThrownBy(() -> RunningDaap.start(env))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("cannot listen on port " + taken.getLocalPort())
                    .hasMessageContaining("PORT");
        }
        assertThat(printedTokens()).as("nothing shown by the failed start").isEmpty();
        env.put("PORT", "0");

        try (RunningDaap daap = RunningDaap.start(env)) {
            // Had the failed start stored a key, none would be generated now.
            assertThat(printedTokens()).hasSize(1);
            var keys = daap.as(printedTokens().getFirst()).get("/v1/api-keys");
            assertThat(keys.status()).isEqualTo(200);
            assertThat(keys.json().path("items")).hasSize(1);
        }
    }

    @Test
    void aConfiguredTokenIsTheAdminKeyAndNothingIsGenerated() {
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of())) {
            assertThat(printedTokens()).isEmpty();
            assertThat(daap.get("/v1/me").body()).contains("platform_admin");
        }
    }

    @Test
    void aConfiguredTokenWhosePrefixBelongsToAnotherKeyStopsStartUp() {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        try (RunningDaap ignored = RunningDaap.start(env)) {
            assertThat(ignored.get("/v1/me").status()).isEqualTo(200);
        }
        env.put(DaapConfig.ADMIN_TOKEN, "daap_testadmin_" + "f".repeat(32));

        assertThatThrownBy(() -> RunningDaap.start(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DAAP_ADMIN_TOKEN")
                .hasMessageContaining("belongs to another API key");
    }

    private List<String> printedTokens() {
        return logged.list.stream()
                .filter(event -> event.getFormattedMessage().contains("Generated the first platform admin API key"))
                .map(event -> TOKEN.matcher(event.getFormattedMessage())
                        .results()
                        .map(m -> m.group())
                        .toList())
                .flatMap(List::stream)
                .toList();
    }
}

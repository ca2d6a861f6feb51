package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void readsTheLibpqForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://daap:s%40cr%3At@db.internal:6432/meta?sslmode=verify-full");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/meta");
        assertThat(url.user()).isEqualTo("daap");
        assertThat(url.password()).isEqualTo("s@cr:t");
        assertThat(url.properties()).isEqualTo(Map.of("sslmode", "verify-full"));
    }

    @Test
    void fillsInLibpqDefaults() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://alice@localhost");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/alice");
        assertThat(url.password()).isNull();
    }

    @Test
    void keepsIpv6Hosts() {
        assertThat(DatabaseUrl.parse("postgres://u:p@[::1]:5432/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void readsTheJdbcFormAndTakesCredentialsOutOfIt() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/meta?user=daap&password=pw&sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/meta");
        assertThat(url.user()).isEqualTo("daap");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.properties()).isEqualTo(Map.of("sslmode", "require"));
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://daap:topsecret@db/meta");

        assertThat(url.toString()).doesNotContain("topsecret").contains("db:5432/meta", "daap");
    }

    @Test
    void refusesWhatIsNotAPostgresUrl() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres:///nohost"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must name a host");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@host:port/db"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_URL");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:%zz@host/db"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pa/ss+w0rd", "pa?ss", "pa#ss", "p@ss/word"})
    void aPasswordThatNeedsEncodingIsSaidToNeedItWithoutBeingShown(String password) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://daap:" + password + "@postgres:5432/daap"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL cannot be read")
                .hasMessageContaining("percent-encoded", "/ as %2F", "set DATABASE_PASSWORD")
                .hasMessageNotContaining(password);
    }

    @Test
    void theSamePasswordPercentEncodedIsRead() {
        assertThat(DatabaseUrl.parse("postgres://daap:pa%2Fss+w0rd@postgres:5432/daap")
                        .password())
                .isEqualTo("pa/ss+w0rd");
    }

    @Test
    void aMalformedEscapeIsReportedWithoutTheTextAroundIt() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://daap:secret%zzvalue@postgres/daap"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("% as %25")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("zz");
    }

    @Test
    void theProvisionerUrlIsNotToldAboutDatabasePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("PROVISIONER_DATABASE_URL", "postgres://admin:a/b@pg:5432/postgres"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PROVISIONER_DATABASE_URL cannot be read")
                .hasMessageNotContaining("DATABASE_PASSWORD");
    }
}

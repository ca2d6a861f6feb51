package dev.daap.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminUrlTest {

    @Test
    void readsTheLibpqFormWithEscapesAndParameters() {
        AdminUrl url = AdminUrl.parse("postgres://daap%2Badmin:s%40cr%3At@pg-1.internal:6432/admin?sslmode=require");

        assertThat(url)
                .isEqualTo(new AdminUrl(
                        "pg-1.internal", 6432, "admin", "daap+admin", "s@cr:t", Map.of("sslmode", "require")));
        assertThat(url.address()).isEqualTo(new AdminAddress("pg-1.internal", 6432));
    }

    @Test
    void readsTheJdbcFormWithCredentialsInTheQuery() {
        AdminUrl url = AdminUrl.parse("jdbc:postgresql://pg-2:5433/postgres?user=admin&password=pw&sslmode=disable");

        assertThat(url).isEqualTo(new AdminUrl("pg-2", 5433, "postgres", "admin", "pw", Map.of("sslmode", "disable")));
    }

    @Test
    void fillsInLibpqDefaultsAndKeepsIpv6HostsBare() {
        AdminUrl url = AdminUrl.parse("postgresql://admin@[::1]");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("admin");
        assertThat(url.password()).isNull();
        assertThat(url.address()).hasToString("[::1]:5432");
    }

    @Test
    void itsSecretTextReadsBackAsTheSameUrl() {
        AdminUrl url =
                AdminUrl.parse("postgres://we%20ird:p%26ss%3Dw%2Frd@db:5432/my%20db?sslmode=verify-full&a=b%26c");

        assertThat(AdminUrl.parse(url.secretText())).isEqualTo(url);
    }

    @Test
    void neverPrintsItsPassword() {
        AdminUrl url = AdminUrl.parse("postgres://admin:topsecret@db:5432/postgres");

        assertThat(url.toString()).doesNotContain("topsecret").contains("admin", "db:5432");
        assertThat(new ClusterTarget(
                                new ClusterId(java.util.UUID.randomUUID()),
                                new ClusterName("eu-1"),
                                url,
                                ClientEndpoint.DEFAULTS.resolve(url.address()))
                        .toString())
                .doesNotContain("topsecret");
    }

    @Test
    void refusesWithoutQuotingWhatItRefused() {
        for (String bad : new String[] {
            "mysql://admin:topsecret@db/x",
            "postgres:///topsecret",
            "postgres://admin:topsecret@db:99999/x",
            "postgres://admin:top%zzsecret@db/x",
            "postgres://:topsecret@db/x",
            "postgres://admin:topsecret@db :5432/x"
        }) {
            assertThatThrownBy(() -> AdminUrl.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .message()
                    .doesNotContain("topsecret", "zz", "admin@");
        }
    }
}

package dev.daap.adapters.postgres.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ProvisioningSqlTest {
    private static final String HOSTILE = "x\"; DROP ROLE postgres; -- it's \\ a \"name\"";

    @Test
    void quotesEveryNameAndEscapesEveryValue() {
        assertThat(ProvisioningSql.createRole("orders-eu", "SCRAM-SHA-256$4096:salt$stored:server", 20))
                .isEqualTo("CREATE ROLE \"orders-eu\" LOGIN PASSWORD 'SCRAM-SHA-256$4096:salt$stored:server'"
                        + " CONNECTION LIMIT 20");
        assertThat(ProvisioningSql.commentOnDatabase("orders-eu", "daap:it's"))
                .isEqualTo("COMMENT ON DATABASE \"orders-eu\" IS 'daap:it''s'");
        assertThat(ProvisioningSql.revokeConnect("orders-eu", "orders-eu"))
                .isEqualTo("REVOKE CONNECT ON DATABASE \"orders-eu\" FROM PUBLIC, \"orders-eu\"");
        assertThat(ProvisioningSql.dropDatabase("orders-eu", true))
                .isEqualTo("DROP DATABASE IF EXISTS \"orders-eu\" WITH (FORCE)");
        assertThat(ProvisioningSql.dropDatabase("orders-eu", false)).isEqualTo("DROP DATABASE IF EXISTS \"orders-eu\"");
    }

    @Test
    void postgresqlReadsQuotedNamesAndLiteralsBackExactly() throws SQLException {
        // The only proof that quoting is right is the server reading back the very string that went in.
        try (Connection connection =
                        TestPostgres.shared().dataSource("postgres").getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT " + ProvisioningSql.literal(HOSTILE) + " AS " + ProvisioningSql.identifier(HOSTILE))) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(HOSTILE);
            assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo(HOSTILE);
        }
    }
}

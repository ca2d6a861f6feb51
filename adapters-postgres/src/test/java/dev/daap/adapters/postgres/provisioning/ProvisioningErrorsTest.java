package dev.daap.adapters.postgres.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.provisioning.ClusterUnreachableException;
import dev.daap.domain.provisioning.ProvisioningException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisioningErrorsTest {
    private static final String PASSWORD = "s3cret-password";
    private final ProvisioningErrors errors = new ProvisioningErrors("db.example.com", 5432, List.of(PASSWORD));

    @Test
    void namesTheMissingPrivilege() {
        ProvisioningException error =
                errors.translate("creating role orders", new SQLException("permission denied to create role", "42501"));

        assertThat(error)
                .hasMessage("the target cluster refused creating role orders: permission denied to create"
                        + " role (the admin connection needs CREATEROLE and CREATEDB, or superuser)");
    }

    @Test
    void namesTheClusterItCannotReachThroughAPoolsError() {
        var refused = new SQLException("Connection to db.internal:5432 refused.", "08001");
        ProvisioningException error = errors.translate(
                ProvisioningErrors.CONNECTING,
                new SQLTransientConnectionException("pool - Connection is not available", "08001", refused));

        assertThat(error)
                .isInstanceOf(ClusterUnreachableException.class)
                .hasMessage("cannot reach the target cluster at db.example.com:5432 while connecting:"
                        + " Connection to db.internal:5432 refused.");
    }

    @Test
    void aConnectionLostMidWayOrAFullClusterIsTheClustersProblemNotTheJobs() {
        ProvisioningException lost = errors.translate(
                "creating database orders", new SQLException("An I/O error occurred while sending", "08006"));
        ProvisioningException full = errors.translate(
                ProvisioningErrors.CONNECTING, new SQLException("sorry, too many clients already", "53300"));

        assertThat(lost).isInstanceOf(ClusterUnreachableException.class);
        assertThat(full)
                .isInstanceOf(ClusterUnreachableException.class)
                .hasMessageStartingWith("the target cluster at db.example.com:5432 has no free connections");
    }

    @Test
    void tellsARejectedAdminLoginApart() {
        ProvisioningException error = errors.translate(
                ProvisioningErrors.CONNECTING,
                new SQLException("password authentication failed for user \"admin\"", "28P01"));

        assertThat(error)
                .isNotInstanceOf(ClusterUnreachableException.class)
                .hasMessageStartingWith("the target cluster at db.example.com:5432 rejected the admin login");
    }

    @Test
    void keepsTheCauseForTheLogWhenItHoldsNoSecret() {
        var cause = new SQLException("role \"orders\" already exists", "42710");

        assertThat(errors.translate("creating role orders", cause))
                .isNotInstanceOf(ClusterUnreachableException.class)
                .hasCause(cause)
                .hasMessageContaining("(SQLSTATE 42710)");
    }

    @Test
    void strikesThePasswordFromTheMessageAndFromEveryCause() {
        var leaky = new RuntimeException(
                "wrapped", new SQLException("syntax error at or near \"" + PASSWORD + "\"", "42601"));

        ProvisioningException error = errors.translate("changing the password of role orders", leaky);

        var trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(PASSWORD).contains("[redacted]");
    }
}

package dev.daap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunningServerTest {

    @Test
    void readsThePortFromPostmasterPid() {
        // As PostgreSQL 17 writes it: pid, data folder, start time, port, socket folder, listen address, shmem, status.
        List<String> pid = List.of(
                "48213",
                "/data/postgres/pgdata",
                "1764751234",
                "39215",
                "",
                "127.0.0.1",
                "  5432001    163850",
                "ready");

        assertThat(RunningServer.port(pid)).isEqualTo(39215);
    }

    @Test
    void aFileWithoutAPortIsReportedAsSuch() {
        assertThatThrownBy(() -> RunningServer.port(List.of("48213", "/data/postgres/pgdata")))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("cannot read the port from postmaster.pid");
    }
}

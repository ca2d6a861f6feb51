package dev.daap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void theUsersPostgresSettingsDoNotReachTheTools() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PGPORT",
                "",
                "PGDATA",
                "/somewhere/else",
                "PGOPTIONS",
                "-c plan_cache_mode=force_generic_plan",
                "PG_COLOR",
                "always",
                "PATH",
                "/usr/bin:/bin",
                "LANG",
                "C.UTF-8",
                "HOME",
                "/home/someone"));

        Processes.removeClientSettings(environment);

        assertThat(environment).containsOnlyKeys("PATH", "LANG", "HOME");
    }

    @Test
    void aToolGetsTheVariablesItIsGivenOnTopOfTheCleanedEnvironment() {
        Processes.Result result =
                Processes.run(List.of("env"), Map.of("PGPASSFILE", "/tmp/pw"), Duration.ofSeconds(10));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output().lines().filter(line -> line.startsWith("PG")))
                .containsExactly("PGPASSFILE=/tmp/pw");
    }
}

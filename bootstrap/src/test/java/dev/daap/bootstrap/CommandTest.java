package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void parsesEveryCommand() {
        assertThat(Command.parse(List.of("serve"))).isEqualTo(new Command.Serve());
        assertThat(Command.parse(List.of("migrate", "up"))).isEqualTo(new Command.MigrateUp());
        assertThat(Command.parse(List.of("migrate", "status"))).isEqualTo(new Command.MigrateStatus());
        assertThat(Command.parse(List.of("migrate", "down"))).isEqualTo(new Command.MigrateDown(1));
        assertThat(Command.parse(List.of("migrate", "down", "--count", "3"))).isEqualTo(new Command.MigrateDown(3));
        assertThat(Command.parse(List.of("--help"))).isEqualTo(new Command.Help());
    }

    @Test
    void refusesWhatItDoesNotKnowWithAClearMessage() {
        assertThatThrownBy(() -> Command.parse(List.of())).hasMessage("no command given");
        assertThatThrownBy(() -> Command.parse(List.of("start"))).hasMessage("unknown command 'start'");
        assertThatThrownBy(() -> Command.parse(List.of("migrate"))).hasMessageContaining("up, down, status");
        assertThatThrownBy(() -> Command.parse(List.of("migrate", "down", "--count", "0")))
                .hasMessageContaining("--count must be a whole number of at least 1");
        assertThatThrownBy(() -> Command.parse(List.of("migrate", "down", "-n", "2")))
                .hasMessageContaining("only --count N");
        assertThatThrownBy(() -> Command.parse(List.of("serve", "now"))).hasMessage("unexpected argument 'now'");
    }
}

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
        assertThat(Command.parse(List.of("migrate", "down"))).isEqualTo(new Command.MigrateDown(1, false));
        assertThat(Command.parse(List.of("migrate", "down", "--count", "3")))
                .isEqualTo(new Command.MigrateDown(3, false));
        assertThat(Command.parse(List.of("migrate", "down", "--count", "99", "--yes")))
                .isEqualTo(new Command.MigrateDown(99, true));
        assertThat(Command.parse(List.of("migrate", "down", "--yes", "--count", "2")))
                .isEqualTo(new Command.MigrateDown(2, true));
        assertThat(Command.parse(List.of("--help"))).isEqualTo(new Command.Help());
        assertThat(Command.parse(List.of("admin", "create-key")))
                .isEqualTo(new Command.AdminCreateKey("created with daap admin create-key"));
        assertThat(Command.parse(List.of("admin", "create-key", "--description", "ops laptop")))
                .isEqualTo(new Command.AdminCreateKey("ops laptop"));
    }

    @Test
    void refusesWhatItDoesNotKnowWithAClearMessage() {
        assertThatThrownBy(() -> Command.parse(List.of())).hasMessage("no command given");
        assertThatThrownBy(() -> Command.parse(List.of("start"))).hasMessage("unknown command 'start'");
        assertThatThrownBy(() -> Command.parse(List.of("migrate"))).hasMessageContaining("up, down, status");
        assertThatThrownBy(() -> Command.parse(List.of("migrate", "down", "--count", "0")))
                .hasMessageContaining("--count must be a whole number of at least 1");
        assertThatThrownBy(() -> Command.parse(List.of("migrate", "down", "-n", "2")))
                .hasMessageContaining("only --count N and --yes");
        assertThatThrownBy(() -> Command.parse(List.of("migrate", "down", "--count")))
                .hasMessage("--count needs a number");
        assertThatThrownBy(() -> Command.parse(List.of("serve", "now"))).hasMessage("unexpected argument 'now'");
        assertThatThrownBy(() -> Command.parse(List.of("admin"))).hasMessage("admin needs a command: create-key");
        assertThatThrownBy(() -> Command.parse(List.of("admin", "revoke-key")))
                .hasMessage("unknown admin command 'revoke-key'");
        assertThatThrownBy(() -> Command.parse(List.of("admin", "create-key", "--description")))
                .hasMessage("--description needs a text");
        assertThatThrownBy(() -> Command.parse(List.of("admin", "create-key", "--role", "viewer")))
                .hasMessage("admin create-key takes only --description TEXT, not '--role'");
        assertThatThrownBy(() -> Command.parse(List.of("admin", "create-key", "--description", "a", "b")))
                .hasMessage("unexpected argument 'b'");
        assertThatThrownBy(() -> Command.parse(List.of("admin", "create-key", "--description", "x".repeat(201))))
                .hasMessage("--description must be at most 200 characters long");
        assertThatThrownBy(() -> Command.parse(List.of("admin", "create-key", "--description", "two\nlines")))
                .hasMessage("--description must not contain control characters");
    }
}

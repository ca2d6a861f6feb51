package dev.daap.bootstrap;

import dev.daap.migrations.MigrationStatus;
import dev.daap.migrations.Migrator;
import java.io.PrintStream;

/** {@code migrate up|down|status} against the same database {@code serve} would use, also while it runs. */
final class MigrateCommand {
    private MigrateCommand() {}

    static void run(Command command, DaapConfig config, PrintStream out) {
        try (CommandDatabase database = CommandDatabase.open(config, "migrate")) {
            var migrator = new Migrator(database.dataSource(), config.schema());
            switch (command) {
                case Command.MigrateUp up ->
                    out.println(
                            "applied " + migrator.up() + " changeset(s); schema " + config.schema() + " is current");
                case Command.MigrateDown down ->
                    out.println("rolled back " + migrator.down(down.count()) + " changeset(s)");
                case Command.MigrateStatus status -> print(migrator.status(), config.schema(), out);
                default -> throw new IllegalArgumentException("not a migrate command: " + command);
            }
        }
    }

    private static void print(MigrationStatus status, String schema, PrintStream out) {
        out.println("schema " + schema + ": " + status.applied().size() + " applied, "
                + status.pending().size() + " pending");
        status.applied().forEach(id -> out.println("  applied  " + id));
        status.pending().forEach(id -> out.println("  pending  " + id));
    }
}

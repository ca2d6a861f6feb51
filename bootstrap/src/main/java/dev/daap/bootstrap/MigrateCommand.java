package dev.daap.bootstrap;

import dev.daap.migrations.MigrationStatus;
import dev.daap.migrations.Migrator;
import dev.daap.migrations.RollbackPlan;
import dev.daap.migrations.RollbackRefusedException;
import java.io.PrintStream;
import java.util.stream.Collectors;

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
                case Command.MigrateDown down -> rollBack(migrator, down, out);
                case Command.MigrateStatus status -> print(migrator.status(), config.schema(), out);
                default -> throw new IllegalArgumentException("not a migrate command: " + command);
            }
        }
    }

    /** Rolls back; one that drops data needs --yes, and either way the output says what went. */
    private static void rollBack(Migrator migrator, Command.MigrateDown down, PrintStream out) {
        RollbackPlan done;
        try {
            done = migrator.down(down.count(), down.dropData());
        } catch (RollbackRefusedException e) {
            throw new ConfigException(e.getMessage() + ". Back up DAAP's database first (README: Operating DAAP), "
                    + "then run `daap migrate down --count " + down.count() + " --yes`");
        }
        out.println("rolled back " + done.changesets().size() + " changeset(s)"
                + (done.changesets().isEmpty() ? "" : ": " + String.join(", ", done.changesets())));
        if (done.losesData()) {
            out.println("dropped, with their data: "
                    + done.dataLoss().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
    }

    private static void print(MigrationStatus status, String schema, PrintStream out) {
        out.println("schema " + schema + ": " + status.applied().size() + " applied, "
                + status.pending().size() + " pending");
        status.applied().forEach(id -> out.println("  applied  " + id));
        status.pending().forEach(id -> out.println("  pending  " + id));
    }
}

package dev.daap.bootstrap;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.application.access.CreateApiKeyCommand;
import dev.daap.application.access.IssuedApiKey;
import dev.daap.migrations.MigrationStatus;
import dev.daap.migrations.Migrator;
import java.io.PrintStream;

/**
 * {@code admin create-key}: a new platform admin key, made directly in the database {@code serve} uses (also while
 * it runs), for an operator who knows none. Its token goes to standard output once, like the generated first key.
 */
final class AdminCommand {
    private AdminCommand() {}

    static void createKey(Command.AdminCreateKey command, DaapConfig config, PrintStream out) {
        try (CommandDatabase database = CommandDatabase.open(config, "admin")) {
            MigrationStatus schema = new Migrator(database.dataSource(), config.schema()).status();
            if (!schema.isCurrent()) {
                throw new ConfigException(
                        "schema " + config.schema() + " has " + schema.pending().size()
                                + " pending changeset(s): run `daap migrate up` (or start `daap serve` once) first");
            }
            IssuedApiKey issued = Wiring.createPlatformAdminKeyFromCli(
                            JooqFactory.create(database.dataSource(), config.schema()), config)
                    .execute(CreateApiKeyCommand.forPlatform(null, command.description(), null));
            out.println("Created the platform admin API key " + issued.key().id() + " (\""
                    + issued.key().description() + "\"). Its token is shown this once and never again; keep it in "
                    + "a secret store:\n\n    " + issued.token() + "\n\nUse it as 'Authorization: Bearer <token>'. "
                    + "The audit log names the command line as the actor.");
        }
    }
}

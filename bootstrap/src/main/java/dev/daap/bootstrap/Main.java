package dev.daap.bootstrap;

import dev.daap.embedded.EmbeddedPostgresException;
import dev.daap.migrations.MigrationException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The command line: {@code serve}, {@code migrate up|down|status}, {@code admin create-key}. Exit codes: 0 ok,
 * 1 failed, 2 usage.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger(); // Liquibase logs through java.util.logging
        SLF4JBridgeHandler.install();
        int exit = run(List.of(args), System.getenv(), System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Runs a command; for {@code serve} it returns once the server is up (it stops on SIGTERM). */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (Command.UsageException e) {
            err.println("daap: " + e.getMessage());
            err.println(Command.USAGE);
            return 2;
        }
        try {
            switch (command) {
                case Command.Help help -> out.println(Command.USAGE);
                case Command.Serve serve -> serve(DaapConfig.fromEnvironment(env));
                case Command.AdminCreateKey createKey ->
                    AdminCommand.createKey(createKey, DaapConfig.fromEnvironment(env), out);
                default -> MigrateCommand.run(command, DaapConfig.fromEnvironment(env), out);
            }
            return 0;
        } catch (ConfigException | EmbeddedPostgresException | MigrationException e) {
            // Expected failures with a message written for the operator: no stack trace, said once, on stderr.
            log.debug("command failed", e);
            err.println("daap: " + e.getMessage());
            return 1;
        }
    }

    private static void serve(DaapConfig config) {
        Application application = Application.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "daap-shutdown"));
    }
}

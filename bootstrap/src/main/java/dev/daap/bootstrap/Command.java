package dev.daap.bootstrap;

import dev.daap.application.access.CreateApiKeyCommand;
import dev.daap.domain.error.InvalidInputException;
import java.util.List;

/** What the command line asked for. */
sealed interface Command {
    String USAGE = """
            usage: java -jar daap.jar <command>

            commands:
              serve                    run the REST API (and the embedded PostgreSQL unless DATABASE_URL is set)
              migrate up               apply every pending schema change
              migrate down [--count N] [--yes]
                                       roll back the last N applied changes (default 1); one that would drop
                                       tables or columns holding data says what and needs --yes
              migrate status           list applied and pending changes
              admin create-key [--description TEXT]
                                       make a new platform admin API key and show its token once; for when
                                       none is known (it talks to the database directly, even while serve runs)
              help                     show this text

            configuration comes from environment variables; see the README.""";

    record Serve() implements Command {}

    record MigrateUp() implements Command {}

    /** @param dropData whether the operator said {@code --yes} to a rollback that drops data */
    record MigrateDown(int count, boolean dropData) implements Command {}

    record MigrateStatus() implements Command {}

    record Help() implements Command {}

    /** @param description the key's, already checked as the API checks it */
    record AdminCreateKey(String description) implements Command {
        static final String DEFAULT_DESCRIPTION = "created with daap admin create-key";
    }

    /** Parses the arguments; throws {@link UsageException} with a clear message for anything else. */
    static Command parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        return switch (args.getFirst()) {
            case "serve" -> noMore(args, 1, new Serve());
            case "help", "--help", "-h" -> new Help();
            case "migrate" -> parseMigrate(args.subList(1, args.size()));
            case "admin" -> parseAdmin(args.subList(1, args.size()));
            default -> throw new UsageException("unknown command '" + args.getFirst() + "'");
        };
    }

    private static Command parseMigrate(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("migrate needs one of up, down, status");
        }
        return switch (args.getFirst()) {
            case "up" -> noMore(args, 1, new MigrateUp());
            case "status" -> noMore(args, 1, new MigrateStatus());
            case "down" -> parseDown(args.subList(1, args.size()));
            default -> throw new UsageException("unknown migrate command '" + args.getFirst() + "'");
        };
    }

    private static Command parseAdmin(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("admin needs a command: create-key");
        }
        if (!args.getFirst().equals("create-key")) {
            throw new UsageException("unknown admin command '" + args.getFirst() + "'");
        }
        List<String> options = args.subList(1, args.size());
        if (options.isEmpty()) {
            return new AdminCreateKey(AdminCreateKey.DEFAULT_DESCRIPTION);
        }
        if (!options.getFirst().equals("--description")) {
            throw new UsageException(
                    "admin create-key takes only --description TEXT, not '" + options.getFirst() + "'");
        }
        if (options.size() != 2) {
            throw new UsageException(
                    options.size() < 2 ? "--description needs a text" : "unexpected argument '" + options.get(2) + "'");
        }
        try {
            return new AdminCreateKey(
                    CreateApiKeyCommand.forPlatform(null, options.get(1), null).description());
        } catch (InvalidInputException e) {
            throw new UsageException("--description " + e.errors().getFirst().message());
        }
    }

    private static Command parseDown(List<String> args) {
        int count = 1;
        boolean yes = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--yes" -> yes = true;
                case "--count" -> {
                    if (i + 1 == args.size()) {
                        throw new UsageException("--count needs a number");
                    }
                    count = count(args.get(++i));
                }
                default ->
                    throw new UsageException("migrate down takes only --count N and --yes, not '" + args.get(i) + "'");
            }
        }
        return new MigrateDown(count, yes);
    }

    private static int count(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--count must be a whole number of at least 1, not '" + text + "'");
    }

    private static Command noMore(List<String> args, int expected, Command command) {
        if (args.size() > expected) {
            throw new UsageException("unexpected argument '" + args.get(expected) + "'");
        }
        return command;
    }

    /** The command line itself is wrong (exit code 2). */
    final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

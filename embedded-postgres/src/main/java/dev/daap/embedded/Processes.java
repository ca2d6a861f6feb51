package dev.daap.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the PostgreSQL tools as child processes and turns failures into messages that show their output. */
final class Processes {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private Processes() {}

    static String output(List<String> command) {
        Result result = run(command, Map.of(), DEFAULT_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new EmbeddedPostgresException(String.join(" ", command) + " failed: " + result.output());
        }
        return result.output().strip();
    }

    static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        removeClientSettings(builder.environment());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            // Output is small (tool messages); reading it before waiting avoids a full pipe blocking the child.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedPostgresException(command.getFirst() + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while running " + command.getFirst(), e);
        }
    }

    /**
     * Drops the PG* variables this process inherited (PGPORT, PGDATA, PGHOST, PGOPTIONS...). They are the user's
     * settings for their own PostgreSQL tools; initdb, pg_ctl and the server read several of them too, so an empty
     * or foreign PGPORT in the shell that starts DAAP would stop the embedded server from starting. The embedded
     * server is configured by its command line alone.
     */
    static void removeClientSettings(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("PG"));
    }

    record Result(int exitCode, String output) {}
}

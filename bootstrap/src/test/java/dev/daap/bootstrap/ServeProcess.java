package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code serve} as a process of its own, started from the test class path, with its output collected. */
final class ServeProcess implements AutoCloseable {
    static final Pattern READY = Pattern.compile("DAAP is ready on port (\\d+)");
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> reader;

    private ServeProcess(Process process) {
        this.process = process;
        this.reader = CompletableFuture.runAsync(this::read);
    }

    /** Starts {@code serve} with this process's environment, less DATABASE_URL, plus {@code environment}. */
    static ServeProcess start(Map<String, String> environment) throws Exception {
        var builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "serve")
                .redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        builder.environment().put(DaapConfig.MANAGEMENT_PORT, "0"); // 8081 may be taken by another test or program
        builder.environment().putAll(environment);
        return new ServeProcess(builder.start());
    }

    /** Waits for a log line, not for a time: returns the pattern's first group once the line appears. */
    String await(Pattern pattern) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            assertThat(process.isAlive()).as("DAAP exited early:\n" + output()).isTrue();
            synchronized (lines) {
                try {
                    lines.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("no line matching " + pattern + " in:\n" + output());
    }

    /** Sends SIGTERM (Process.destroy() would also close the output being read) and waits for the exit. */
    boolean stop() throws Exception {
        process.toHandle().destroy();
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        if (stopped) {
            reader.get(10, TimeUnit.SECONDS);
        }
        return stopped;
    }

    String output() {
        return String.join("\n", lines);
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                synchronized (lines) {
                    lines.notifyAll();
                }
            }
        } catch (Exception e) {
            lines.add("(reading the output failed: " + e + ")");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

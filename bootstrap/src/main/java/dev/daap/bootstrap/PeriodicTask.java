package dev.daap.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping that runs every so often on its own daemon thread: purges, flushes. A run that fails is logged
 * and the next one runs as planned; an exception would otherwise cancel every later run of a scheduled task.
 * {@link #close()} runs the task one last time when asked to, so a flush does not lose what it buffered.
 */
final class PeriodicTask implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Runnable task;
    private final Duration every;
    private final boolean runOnClose;
    private final ScheduledExecutorService scheduler;

    private PeriodicTask(String name, Runnable task, Duration every, boolean runOnClose) {
        this.name = name;
        this.task = task;
        this.every = every;
        this.runOnClose = runOnClose;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "daap-" + name);
            thread.setDaemon(true); // never holds the JVM up at shutdown
            return thread;
        });
    }

    /** Runs {@code task} every {@code every}, the first time after one period. */
    static PeriodicTask start(String name, Duration every, boolean runOnClose, Runnable task) {
        var periodic = new PeriodicTask(name, task, every, runOnClose);
        periodic.scheduler.scheduleWithFixedDelay(
                periodic::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return periodic;
    }

    /** One run; never throws. */
    void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again in {}", name, every, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (runOnClose) {
            runOnce();
        }
    }
}

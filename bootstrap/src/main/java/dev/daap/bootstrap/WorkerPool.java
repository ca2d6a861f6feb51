package dev.daap.bootstrap;

import dev.daap.application.job.JobRunner;
import dev.daap.domain.error.StoreUnavailableException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job workers of this instance. Each runs due jobs one at a time; when none is due it waits for a wake-up
 * (a NOTIFY that a job was enqueued) or the poll interval, whichever comes first. On close, workers finish the job
 * in hand (up to the shutdown timeout); one still running after that is taken by another worker once its lease
 * expires. Nothing is handed back early: a worker claims one job only when it is free to run it at once, so there
 * is never a claimed job that has not started, and handing back one whose handler may still be running would let
 * a second worker run it beside the first. Stuck jobs (a lease long expired and no worker taking them) are reported
 * in the log.
 */
final class WorkerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private final JobRunner runner;
    private final JobQueue jobs;
    private final int size;
    private final Duration pollInterval;
    private final Duration stuckGrace;
    private final Duration shutdownTimeout;
    private final String instanceId;
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Set<java.util.UUID> reportedStuck = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService stuckReporter =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("daap-stuck-reporter").daemon().factory());
    private long wakeUps;
    private volatile boolean running = true;

    WorkerPool(
            JobRunner runner,
            JobQueue jobs,
            int size,
            Duration pollInterval,
            Duration stuckGrace,
            Duration shutdownTimeout,
            String instanceId) {
        this.runner = runner;
        this.jobs = jobs;
        this.size = size;
        this.pollInterval = pollInterval;
        this.stuckGrace = stuckGrace;
        this.shutdownTimeout = shutdownTimeout;
        this.instanceId = instanceId;
    }

    void start() {
        for (int i = 0; i < size; i++) {
            String owner = instanceId + "/worker-" + i;
            threads.add(
                    Thread.ofPlatform().name("daap-" + owner.replace('/', '-')).start(() -> work(owner)));
        }
        // Apart from the workers: with DAAP_WORKERS=0 everywhere, nobody would take a job, and that must show.
        stuckReporter.scheduleWithFixedDelay(
                this::reportStuckSafely, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("{} job worker(s) started as {}", size, instanceId);
    }

    /** Something may be due: let every idle worker look now instead of at its next poll. */
    void wakeUp() {
        lock.lock();
        try {
            wakeUps++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void work(String owner) {
        while (running) {
            long seen = currentWakeUps();
            boolean ran = false;
            try {
                ran = runner.runNext(owner);
            } catch (StoreUnavailableException e) {
                log.warn("Worker {} cannot reach the metadata database; retrying after the poll interval", owner);
            } catch (RuntimeException e) {
                log.error("Worker {} failed outside any job; it carries on", owner, e);
            }
            if (!ran) {
                idle(seen);
            }
        }
    }

    private long currentWakeUps() {
        lock.lock();
        try {
            return wakeUps;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the poll interval, unless a wake-up came (or had come since {@code seen}). */
    private void idle(long seen) {
        lock.lock();
        try {
            long remaining = pollInterval.toNanos();
            while (running && wakeUps == seen && remaining > 0) {
                remaining = work.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void reportStuckSafely() {
        try {
            reportStuck();
        } catch (RuntimeException e) {
            log.debug("could not look for stuck operations", e);
        }
    }

    private void reportStuck() {
        for (Job job : jobs.stuck(stuckGrace)) {
            if (reportedStuck.add(job.id())) {
                log.warn(
                        "Operation {} ({} of database {}) is stuck: its lease expired at {} and no worker has taken "
                                + "it; check that workers run (DAAP_WORKERS) on some instance",
                        job.id(),
                        job.kind().wireName(),
                        job.databaseId(),
                        job.leaseExpiresAt());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        stuckReporter.shutdownNow();
        wakeUp();
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                log.warn(
                        "Worker {} is still running a job after {}; its lease will hand it to another worker",
                        thread.getName(),
                        shutdownTimeout);
            }
        }
    }
}

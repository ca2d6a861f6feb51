package dev.daap.application.operation;

import dev.daap.domain.job.Job;

/** A job as API clients see it, with whether it is stuck (running, but no worker has renewed its lease). */
public record Operation(Job job, boolean stuck) {}

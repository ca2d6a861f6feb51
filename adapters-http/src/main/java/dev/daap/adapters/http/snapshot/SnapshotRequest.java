package dev.daap.adapters.http.snapshot;

/** The body of {@code POST /v1/databases/{id}/snapshots}, which may be left out. */
public record SnapshotRequest(String description) {}

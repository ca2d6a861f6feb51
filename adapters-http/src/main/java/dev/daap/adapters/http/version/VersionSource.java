package dev.daap.adapters.http.version;

/** Says what runs, for {@code GET /v1/version}; the bootstrap implements it. */
@FunctionalInterface
public interface VersionSource {
    VersionInfo current();
}

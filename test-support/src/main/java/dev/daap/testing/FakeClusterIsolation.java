package dev.daap.testing;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterIsolation;
import dev.daap.domain.cluster.ClusterProbeException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the {@link ClusterIsolation} of use-case and HTTP tests: it records the admin URLs it was asked
 * about and answers with the databases a test says are still open (none unless told), or with the failure a test
 * gave it. The real one is tested on a PostgreSQL of its own.
 */
public final class FakeClusterIsolation implements ClusterIsolation {
    private final List<AdminUrl> asked = new CopyOnWriteArrayList<>();
    private volatile List<String> stillOpen = List.of();
    private volatile ClusterProbeException failure;

    @Override
    public List<String> revokePublicConnect(AdminUrl adminUrl) {
        asked.add(adminUrl);
        if (failure != null) {
            throw failure;
        }
        return stillOpen;
    }

    /** What the next calls answer: databases the admin could not close. */
    public void leaveOpen(List<String> databases) {
        this.stillOpen = List.copyOf(databases);
    }

    /** The next calls fail so, as for a cluster that does not answer. */
    public void failWith(ClusterProbeException failure) {
        this.failure = failure;
    }

    /** The admin URLs asked about, oldest first. */
    public List<AdminUrl> asked() {
        return List.copyOf(asked);
    }
}

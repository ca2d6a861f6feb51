package dev.daap.testing;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterSecrets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link ClusterSecrets} port: admin URLs in a map, no encryption, no transactions. Thread-safe. */
public final class InMemoryClusterSecrets implements ClusterSecrets {
    private final Map<ClusterId, AdminUrl> urls = new ConcurrentHashMap<>();

    @Override
    public void store(ClusterId id, AdminUrl adminUrl) {
        urls.put(id, adminUrl);
    }

    @Override
    public Optional<AdminUrl> find(ClusterId id) {
        return Optional.ofNullable(urls.get(id));
    }

    @Override
    public void remove(ClusterId id) {
        urls.remove(id);
    }
}

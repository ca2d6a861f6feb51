package dev.daap.testing;

import dev.daap.domain.backup.TableCensus;
import dev.daap.domain.backup.TableCount;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.NameOnCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The tables of databases as a test sets them, for use-case and HTTP tests: what a database holds is what {@link
 * #holds} said last (none by default); the real census is tested against real servers.
 */
public final class FakeTableCensus implements TableCensus {
    private final Map<String, List<TableCount>> tables = new ConcurrentHashMap<>();

    /** From now on, the database named {@code database} on its cluster holds these tables. */
    public void holds(String database, List<TableCount> counted) {
        tables.put(database, List.copyOf(counted));
    }

    @Override
    public List<TableCount> countHolding(ClusterTarget target, NameOnCluster database, Consumer<String> whileHeld) {
        List<TableCount> counted = tables.getOrDefault(database.value(), List.of());
        whileHeld.accept(null);
        return counted;
    }
}

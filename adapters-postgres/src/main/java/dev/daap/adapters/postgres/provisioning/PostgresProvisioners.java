package dev.daap.adapters.postgres.provisioning;

import dev.daap.adapters.postgres.PoolSettings;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.Copiers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@link Provisioners} of plain PostgreSQL clusters. Each cluster's admin connection source is made once and kept,
 * keyed by the cluster and its admin URL (a replaced URL gets a new one); a provisioner call opens one connection
 * from it and closes it again, as provisioning is rare and a pool per cluster would hold connections for nothing.
 */
public final class PostgresProvisioners implements Provisioners, Copiers {
    private final Map<Key, DataSource> sources = new ConcurrentHashMap<>();
    private final UnaryOperator<DataSource> decorate;
    private final int connectionLimit;
    private final Consumer<String> beforeCopyStep;

    public PostgresProvisioners() {
        this(UnaryOperator.identity());
    }

    /** @param decorate wraps each cluster's connection source (to trace its statements, say) */
    public PostgresProvisioners(UnaryOperator<DataSource> decorate) {
        this(decorate, PostgresProvisioner.DEFAULT_CONNECTION_LIMIT);
    }

    /** @param connectionLimit the connection limit of each provisioned role */
    public PostgresProvisioners(UnaryOperator<DataSource> decorate, int connectionLimit) {
        this(decorate, connectionLimit, step -> {});
    }

    /** @param beforeCopyStep told each step of a copy before it runs: a fault hook for tests */
    public PostgresProvisioners(
            UnaryOperator<DataSource> decorate, int connectionLimit, Consumer<String> beforeCopyStep) {
        this.decorate = decorate;
        this.connectionLimit = connectionLimit;
        this.beforeCopyStep = beforeCopyStep;
    }

    /**
     * The copier of the cluster; it reaches the cluster's other databases (a clone, to hand its objects over) through
     * a source made for that one call.
     */
    @Override
    public Copier copierFor(ClusterTarget target) {
        AdminUrl url = target.adminUrl();
        return new PostgresCopier(
                forCluster(target), database -> decorate.apply(dataSource(url.onDatabase(database))), beforeCopyStep);
    }

    @Override
    public PostgresProvisioner forCluster(ClusterTarget target) {
        AdminUrl url = target.adminUrl();
        DataSource admin =
                sources.computeIfAbsent(new Key(target.id(), url.secretText()), key -> decorate.apply(dataSource(url)));
        List<String> secrets = new ArrayList<>();
        secrets.add(url.user());
        if (url.password() != null) {
            secrets.add(url.password());
        }
        return new PostgresProvisioner(
                admin,
                database -> decorate.apply(dataSource(url.onDatabase(database))),
                target.endpoint(),
                secrets,
                connectionLimit);
    }

    /**
     * An unpooled source with the driver's bounded connect timeout (no socket timeout: CREATE DATABASE copies its
     * template and may take long); a parameter pgjdbc does not know is refused.
     */
    static DataSource dataSource(AdminUrl url) {
        var source = new PGSimpleDataSource();
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        source.setUrl("jdbc:postgresql://" + host + ":" + url.port() + "/");
        source.setDatabaseName(url.database());
        source.setUser(url.user());
        source.setPassword(url.password());
        source.setConnectTimeout((int) PoolSettings.CONNECT_TIMEOUT.toSeconds());
        source.setTcpKeepAlive(true);
        source.setApplicationName("daap-provisioner");
        for (var parameter : url.parameters().entrySet()) {
            try {
                source.setProperty(parameter.getKey(), parameter.getValue());
            } catch (SQLException e) {
                throw new ProvisioningException("the admin URL has a connection parameter that PostgreSQL's driver "
                        + "does not know: " + parameter.getKey());
            }
        }
        return source;
    }

    /** The secret text keys the cache only in memory, never in a log. */
    private record Key(ClusterId id, String adminUrl) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }
}

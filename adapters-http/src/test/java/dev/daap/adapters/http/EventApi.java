package dev.daap.adapters.http;

import com.zaxxer.hikari.HikariDataSource;
import dev.daap.adapters.http.event.EventHandler;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.RequestIds;
import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.PoolSettings;
import dev.daap.adapters.postgres.PostgresPool;
import dev.daap.adapters.postgres.event.EventRelay;
import dev.daap.adapters.postgres.event.JooqEventLog;
import dev.daap.application.event.EventHub;
import dev.daap.application.event.ListEvents;
import dev.daap.application.event.WatchEvents;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.error.NotAuthenticatedException;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestPostgres;
import dev.daap.testing.http.SseConnection;
import dev.daap.testing.http.TestClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A bare Javalin with only the events route, the problem mapper and the request ids, over the real event log,
 * relay and hub on PostgreSQL. The caller's principal comes from a test header, since the authentication that
 * will provide it lives elsewhere: {@code X-Test-Team: checkout} is a viewer of checkout, {@code *} a platform
 * admin, none is refused.
 */
final class EventApi implements AutoCloseable {
    static final String TEAM_HEADER = "X-Test-Team";
    private static final String SCHEMA = "daap";
    private static DataSource unpooled;
    private static HikariDataSource pool;

    final JooqTransactions transactions;
    final JooqEventLog log;
    final EventHub hub;
    final EventRelay relay;
    /** Sends no token: the caller is named by {@link #TEAM_HEADER}. */
    final TestClient client;

    private final Javalin app;

    /**
     * @param sendBufferBytes the server's socket send buffer, or 0 for the system's; small, it lets a client that
     *                        does not read fill it quickly, as a slow client over a real network would
     */
    EventApi(int bufferCapacity, Duration heartbeat, int sendBufferBytes) {
        transactions = new JooqTransactions(JooqFactory.create(pool(), SCHEMA));
        String channel = JooqEventLog.channelFor(SCHEMA);
        log = new JooqEventLog(transactions, channel);
        hub = new EventHub(bufferCapacity);
        relay = new EventRelay(unpooled, log, channel, hub, Duration.ofMillis(200));
        relay.start();
        var handler = new EventHandler(
                new ListEvents(log), new WatchEvents(log, hub), new JsonCodec(), EventApi::principal, heartbeat);
        var problems = new ProblemMapper(new JsonCodec(), 1024);
        app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.startup.startupWatcherEnabled = false;
                    config.concurrency.useVirtualThreads = true;
                    config.jetty.addConnector((server, http) -> connector(server, http, sendBufferBytes));
                    config.routes.before(RequestIds::assign);
                    config.routes.after(RequestIds::release);
                    config.routes.get("/v1/events", handler::events);
                    problems.register(config.routes);
                })
                .start();
        client = TestClient.to("http://127.0.0.1:" + app.port());
    }

    EventApi() {
        this(EventHub.DEFAULT_BUFFER, EventHandler.DEFAULT_HEARTBEAT, 0);
    }

    private static ServerConnector connector(
            org.eclipse.jetty.server.Server server,
            org.eclipse.jetty.server.HttpConfiguration http,
            int sendBufferBytes) {
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        if (sendBufferBytes > 0) {
            connector.setAcceptedSendBufferSize(sendBufferBytes);
        }
        return connector;
    }

    private static synchronized DataSource pool() {
        if (pool == null) {
            TestPostgres postgres = TestPostgres.shared();
            String database = postgres.createDatabase("events_api");
            unpooled = postgres.dataSource(database);
            new Migrator(unpooled, SCHEMA).up();
            pool = PostgresPool.create(
                    new PoolSettings(
                            postgres.jdbcUrl(database),
                            postgres.user(),
                            postgres.password(),
                            20,
                            2,
                            Duration.ofMinutes(30),
                            Duration.ofMinutes(10),
                            Map.of()),
                    "events-api");
        }
        return pool;
    }

    private static Principal principal(Context ctx) {
        String team = ctx.header(TEAM_HEADER);
        if (team == null) {
            throw new NotAuthenticatedException("no test principal", false);
        }
        return team.equals("*")
                ? new Principal(UUID.randomUUID(), null, Role.PLATFORM_ADMIN)
                : new Principal(UUID.randomUUID(), new TeamSlug(team), Role.VIEWER);
    }

    int port() {
        return app.port();
    }

    /** Opens a stream as a viewer of {@code team} ({@code *}: a platform admin), with extra headers. */
    SseConnection stream(String team, String query, Map<String, String> headers) {
        var all = new java.util.HashMap<>(headers);
        all.put(TEAM_HEADER, team);
        return SseConnection.open(client, "/v1/events" + query, all);
    }

    SseConnection stream(String team, String query) {
        return stream(team, query, Map.of());
    }

    /** Appends one event in a transaction of its own, as a use case would. */
    EventPosition append(TeamSlug team, EventType type, UUID resource) {
        return transactions.inTransaction(() -> log.append(new NewEvent(
                Instant.now(),
                type,
                team,
                resource,
                Map.of("name", "db-" + resource.toString().substring(0, 8)))));
    }

    EventPosition append(TeamSlug team) {
        return append(team, EventType.DATABASE_CREATED, UUID.randomUUID());
    }

    /** Kills the relay's LISTEN connection, and waits until its backend is gone. */
    void killRelayConnection() {
        transactions
                .dsl()
                .execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND query LIKE 'LISTEN%'");
    }

    /** A transaction on a connection of its own, left open until the test commits it (or it is rolled back). */
    OpenTransaction begin() throws SQLException {
        Connection connection = pool().getConnection();
        connection.setAutoCommit(false);
        return new OpenTransaction(
                connection,
                new JooqEventLog(
                        () -> DSL.using(connection, SQLDialect.POSTGRES, JooqFactory.settings(SCHEMA)),
                        JooqEventLog.channelFor(SCHEMA)));
    }

    record OpenTransaction(Connection connection, JooqEventLog log) implements AutoCloseable {
        EventPosition append(TeamSlug team) {
            return log.append(
                    new NewEvent(Instant.now(), EventType.DATABASE_CREATED, team, UUID.randomUUID(), Map.of()));
        }

        void commit() throws SQLException {
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }

    static TeamSlug aTeam() {
        return new TeamSlug("t-" + UUID.randomUUID().toString().substring(0, 12));
    }

    @Override
    public void close() {
        hub.close(); // ends the streams, so the server need not wait for them
        client.close();
        app.stop();
        relay.close();
    }
}

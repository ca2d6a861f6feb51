package dev.daap.adapters.http;

import dev.daap.adapters.http.access.ApiKeyHandler;
import dev.daap.adapters.http.access.Authentication;
import dev.daap.adapters.http.audit.AuditHandler;
import dev.daap.adapters.http.backup.BackupHandler;
import dev.daap.adapters.http.cluster.ClusterHandler;
import dev.daap.adapters.http.console.ConsolePage;
import dev.daap.adapters.http.cost.CostHandler;
import dev.daap.adapters.http.credential.CredentialHandler;
import dev.daap.adapters.http.database.DatabaseHandler;
import dev.daap.adapters.http.event.EventHandler;
import dev.daap.adapters.http.health.HealthHandler;
import dev.daap.adapters.http.idempotency.IdempotentPosts;
import dev.daap.adapters.http.observability.UseCaseSpans;
import dev.daap.adapters.http.openapi.DocsPage;
import dev.daap.adapters.http.openapi.OpenApiDocument;
import dev.daap.adapters.http.operation.OperationHandler;
import dev.daap.adapters.http.plan.PlanHandler;
import dev.daap.adapters.http.protocol.NulCharacters;
import dev.daap.adapters.http.protocol.RequestIds;
import dev.daap.adapters.http.revision.RevisionHandler;
import dev.daap.adapters.http.snapshot.SnapshotHandler;
import dev.daap.adapters.http.team.TeamHandler;
import dev.daap.adapters.http.usage.UsageHandler;
import dev.daap.adapters.http.user.UserHandler;
import dev.daap.adapters.http.version.VersionHandler;
import dev.daap.application.access.CreateApiKey;
import dev.daap.application.access.ListApiKeys;
import dev.daap.application.access.ListPlatformKeys;
import dev.daap.application.access.RevokeApiKey;
import dev.daap.application.access.RevokePlatformKey;
import dev.daap.application.audit.ListAuditEvents;
import dev.daap.application.backup.DeleteBackup;
import dev.daap.application.backup.ListBackups;
import dev.daap.application.backup.TakeBackup;
import dev.daap.application.backup.VerifyBackup;
import dev.daap.application.cluster.DeleteCluster;
import dev.daap.application.cluster.GetCluster;
import dev.daap.application.cluster.ListClusters;
import dev.daap.application.cluster.RegisterCluster;
import dev.daap.application.cluster.UpdateCluster;
import dev.daap.application.cost.GetPlatformCosts;
import dev.daap.application.cost.GetTeamCosts;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.ListDatabases;
import dev.daap.application.database.MoveDatabase;
import dev.daap.application.database.RestoreDatabase;
import dev.daap.application.database.RetryDatabase;
import dev.daap.application.database.UpdateDatabase;
import dev.daap.application.operation.GetOperation;
import dev.daap.application.operation.ListOperations;
import dev.daap.application.plan.CreatePlan;
import dev.daap.application.plan.DeletePlan;
import dev.daap.application.plan.GetPlan;
import dev.daap.application.plan.ListPlans;
import dev.daap.application.plan.UpdatePlan;
import dev.daap.application.revision.ListRevisions;
import dev.daap.application.snapshot.DeleteSnapshot;
import dev.daap.application.snapshot.ListSnapshots;
import dev.daap.application.snapshot.RestoreSnapshot;
import dev.daap.application.snapshot.TakeSnapshot;
import dev.daap.application.team.CreateTeam;
import dev.daap.application.team.GetTeam;
import dev.daap.application.team.ListTeams;
import dev.daap.application.team.UpdateTeamLimits;
import dev.daap.application.usage.GetDatabaseUsage;
import dev.daap.application.usage.GetTeamUsage;
import dev.daap.application.user.CreateUser;
import dev.daap.application.user.DeleteUser;
import dev.daap.application.user.GetUser;
import dev.daap.application.user.ListUsers;
import dev.daap.application.user.ReadCredentials;
import dev.daap.application.user.ReadUserCredentials;
import dev.daap.application.user.RevokePreviousLogin;
import dev.daap.application.user.RotateCredentials;
import dev.daap.application.user.RotateUserCredentials;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/** Every path of the API, in one place. */
public final class Routes {
    public static final String DATABASES = "/v1/databases";
    public static final String DATABASE = DATABASES + "/{id}";
    public static final String DATABASE_RETRY = DATABASE + "/retry";
    public static final String DATABASE_RESTORE = DATABASE + "/restore";
    public static final String DATABASE_MOVE = DATABASE + "/move";
    public static final String DATABASE_OPERATIONS = DATABASE + "/operations";
    public static final String DATABASE_CREDENTIALS = DATABASE + "/credentials";
    public static final String DATABASE_CREDENTIALS_ROTATE = DATABASE_CREDENTIALS + "/rotate";
    public static final String DATABASE_CREDENTIALS_REVOKE_PREVIOUS = DATABASE_CREDENTIALS + "/revoke-previous";
    public static final String DATABASE_USERS = DATABASE + "/users";
    public static final String DATABASE_USER = DATABASE_USERS + "/{user}";
    public static final String DATABASE_USER_CREDENTIALS = DATABASE_USER + "/credentials";
    public static final String DATABASE_USER_CREDENTIALS_ROTATE = DATABASE_USER_CREDENTIALS + "/rotate";
    public static final String DATABASE_USER_REVOKE_PREVIOUS = DATABASE_USER_CREDENTIALS + "/revoke-previous";
    public static final String DATABASE_SNAPSHOTS = DATABASE + "/snapshots";
    public static final String DATABASE_REVISIONS = DATABASE + "/revisions";
    public static final String DATABASE_REVISION = DATABASE_REVISIONS + "/{version}";
    public static final String DATABASE_SNAPSHOT = DATABASE_SNAPSHOTS + "/{sid}";
    public static final String DATABASE_SNAPSHOT_RESTORE = DATABASE_SNAPSHOT + "/restore";
    public static final String DATABASE_BACKUPS = DATABASE + "/backups";
    public static final String DATABASE_USAGE = DATABASE + "/usage";
    public static final String BACKUP = "/v1/backups/{bid}";
    public static final String BACKUP_VERIFY = BACKUP + "/verify";
    public static final String OPERATION = "/v1/operations/{id}";
    public static final String TEAMS = "/v1/teams";
    public static final String TEAM = TEAMS + "/{slug}";
    public static final String TEAM_API_KEYS = TEAM + "/api-keys";
    public static final String TEAM_USAGE = TEAM + "/usage";
    public static final String TEAM_COSTS = TEAM + "/costs";
    public static final String COSTS = "/v1/costs";
    public static final String TEAM_API_KEY = TEAM_API_KEYS + "/{id}";
    public static final String AUDIT_EVENTS = "/v1/audit-events";
    public static final String ME = "/v1/me";
    public static final String PLATFORM_API_KEYS = "/v1/api-keys";
    public static final String PLATFORM_API_KEY = PLATFORM_API_KEYS + "/{id}";
    public static final String EVENTS = "/v1/events";
    public static final String VERSION = "/v1/version";
    public static final String CLUSTERS = "/v1/clusters";
    public static final String CLUSTER = CLUSTERS + "/{name}";
    public static final String PLANS = "/v1/plans";
    public static final String PLAN = PLANS + "/{name}";
    /** The contract; public, like the reference page for people that shows it. */
    public static final String OPENAPI = "/v1/openapi.json";

    public static final String DOCS = "/docs";
    private static final String NEW_PASSWORD =
            "its response holds a secret (the new password), which is never stored for a replay";
    private static final String NEW_TOKEN =
            "its response holds a secret (the new API key's token), which is never stored for a replay";
    /** Every path below needs a bearer token; health checks stay outside for probes and load balancers. */
    public static final String AUTHENTICATED = "/v1/*";

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private Routes() {}

    /**
     * Every POST goes through {@code idempotent}: an action that is not safe to replay must say so there. Every route
     * that runs a use case names it to {@code useCase}, for its span (inside the idempotency check: a replay runs
     * none); the event stream (a span as long as the stream), the caller's own key, the version, health and the
     * contract run none.
     */
    static void register(
            RoutesConfig routes,
            IdempotentPosts idempotent,
            Authentication authentication,
            Handlers handlers,
            UseCaseSpans useCase) {
        routes.before(RequestIds::assign);
        // Before authentication, which itself reads tables that an instance on an old schema may lack.
        routes.before(AUTHENTICATED, exceptTheContract(handlers.health()::refuseWhileUnavailable));
        routes.before(AUTHENTICATED, exceptTheContract(authentication::check));
        // After authentication, before every route: no text input with a NUL reaches a handler.
        routes.beforeMatched(NulCharacters::refuseInParameters);
        routes.after(RequestIds::release);
        var databases = handlers.databases();
        var operations = handlers.operations();
        var credentials = handlers.credentials();
        var health = handlers.health();

        routes.post(DATABASES, idempotent.idempotent(useCase.of(CreateDatabase.class, databases::create)));
        routes.get(DATABASES, useCase.of(ListDatabases.class, databases::list));
        routes.get(DATABASE, useCase.of(GetDatabase.class, databases::get));
        routes.patch(DATABASE, useCase.of(UpdateDatabase.class, databases::update));
        routes.delete(DATABASE, useCase.of(DeleteDatabase.class, databases::delete));
        routes.post(DATABASE_RETRY, idempotent.idempotent(useCase.of(RetryDatabase.class, databases::retry)));
        routes.post(DATABASE_RESTORE, idempotent.idempotent(useCase.of(RestoreDatabase.class, databases::restore)));
        routes.post(DATABASE_MOVE, idempotent.idempotent(useCase.of(MoveDatabase.class, databases::move)));

        var snapshots = handlers.snapshots();
        routes.post(DATABASE_SNAPSHOTS, idempotent.idempotent(useCase.of(TakeSnapshot.class, snapshots::create)));
        routes.get(DATABASE_SNAPSHOTS, useCase.of(ListSnapshots.class, snapshots::list));
        routes.get(DATABASE_SNAPSHOT, useCase.of(ListSnapshots.class, snapshots::get));
        routes.delete(DATABASE_SNAPSHOT, useCase.of(DeleteSnapshot.class, snapshots::delete));
        routes.post(
                DATABASE_SNAPSHOT_RESTORE,
                idempotent.idempotent(useCase.of(RestoreSnapshot.class, snapshots::restore)));

        routes.get(DATABASE_REVISIONS, useCase.of(ListRevisions.class, handlers.revisions()::list));
        routes.get(DATABASE_REVISION, useCase.of(ListRevisions.class, handlers.revisions()::get));

        var backups = handlers.backups();
        routes.post(DATABASE_BACKUPS, idempotent.idempotent(useCase.of(TakeBackup.class, backups::create)));
        routes.get(DATABASE_BACKUPS, useCase.of(ListBackups.class, backups::list));
        routes.get(BACKUP, useCase.of(ListBackups.class, backups::get));
        routes.delete(BACKUP, useCase.of(DeleteBackup.class, backups::delete));
        routes.post(BACKUP_VERIFY, useCase.of(VerifyBackup.class, backups::verify));

        routes.get(OPERATION, useCase.of(GetOperation.class, operations::get));
        routes.get(DATABASE_OPERATIONS, useCase.of(ListOperations.class, operations::ofDatabase));

        routes.get(DATABASE_CREDENTIALS, useCase.of(ReadCredentials.class, credentials::read));
        // Its response holds the new password in plain text; secrets are never stored unencrypted, so this
        // response cannot be kept for a replay. A key is refused rather than ignored, so no client thinks a retry
        // would be replayed; a retried rotation just rotates again, and the newest password is the valid one.
        routes.post(
                DATABASE_CREDENTIALS_ROTATE,
                idempotent.refusingKeys(useCase.of(RotateCredentials.class, credentials::rotate), NEW_PASSWORD));
        routes.post(
                DATABASE_CREDENTIALS_REVOKE_PREVIOUS,
                idempotent.idempotent(useCase.of(RevokePreviousLogin.class, credentials::revokePrevious)));

        var users = handlers.users();
        // A new user's answer holds its password: refused for the same reason as rotation.
        routes.post(DATABASE_USERS, idempotent.refusingKeys(useCase.of(CreateUser.class, users::create), NEW_PASSWORD));
        routes.get(DATABASE_USERS, useCase.of(ListUsers.class, users::list));
        routes.get(DATABASE_USER, useCase.of(GetUser.class, users::get));
        routes.delete(DATABASE_USER, useCase.of(DeleteUser.class, users::delete));
        routes.get(DATABASE_USER_CREDENTIALS, useCase.of(ReadUserCredentials.class, users::readCredentials));
        routes.post(
                DATABASE_USER_CREDENTIALS_ROTATE,
                idempotent.refusingKeys(useCase.of(RotateUserCredentials.class, users::rotate), NEW_PASSWORD));
        routes.post(
                DATABASE_USER_REVOKE_PREVIOUS,
                idempotent.idempotent(useCase.of(RevokePreviousLogin.class, users::revokePrevious)));

        routes.post(TEAMS, idempotent.idempotent(useCase.of(CreateTeam.class, handlers.teams()::create)));
        routes.get(TEAMS, useCase.of(ListTeams.class, handlers.teams()::list));
        routes.get(TEAM, useCase.of(GetTeam.class, handlers.teams()::get));
        routes.patch(TEAM, useCase.of(UpdateTeamLimits.class, handlers.teams()::update));
        // The response holds the new key's token, which is never stored: refused for the same reason as rotation.
        routes.post(
                TEAM_API_KEYS,
                idempotent.refusingKeys(useCase.of(CreateApiKey.class, handlers.apiKeys()::create), NEW_TOKEN));
        routes.get(TEAM_API_KEYS, useCase.of(ListApiKeys.class, handlers.apiKeys()::list));
        routes.delete(TEAM_API_KEY, useCase.of(RevokeApiKey.class, handlers.apiKeys()::revoke));
        routes.post(
                PLATFORM_API_KEYS,
                idempotent.refusingKeys(useCase.of(CreateApiKey.class, handlers.apiKeys()::createPlatform), NEW_TOKEN));
        routes.get(PLATFORM_API_KEYS, useCase.of(ListPlatformKeys.class, handlers.apiKeys()::listPlatform));
        routes.delete(PLATFORM_API_KEY, useCase.of(RevokePlatformKey.class, handlers.apiKeys()::revokePlatform));
        routes.get(ME, handlers.apiKeys()::me);
        routes.get(AUDIT_EVENTS, useCase.of(ListAuditEvents.class, handlers.audit()::list));
        routes.get(EVENTS, handlers.events()::events);
        routes.get(VERSION, handlers.version()::get);

        // Registering checks the admin URL against the cluster; a replay answers from the first response without
        // connecting again. The response holds no secret: the admin URL is never part of it.
        routes.post(CLUSTERS, idempotent.idempotent(useCase.of(RegisterCluster.class, handlers.clusters()::create)));
        routes.get(CLUSTERS, useCase.of(ListClusters.class, handlers.clusters()::list));
        routes.get(CLUSTER, useCase.of(GetCluster.class, handlers.clusters()::get));
        routes.patch(CLUSTER, useCase.of(UpdateCluster.class, handlers.clusters()::update));
        routes.delete(CLUSTER, useCase.of(DeleteCluster.class, handlers.clusters()::delete));

        var plans = handlers.plans();
        routes.get(PLANS, useCase.of(ListPlans.class, plans::list));
        routes.post(PLANS, idempotent.idempotent(useCase.of(CreatePlan.class, plans::create)));
        routes.get(PLAN, useCase.of(GetPlan.class, plans::get));
        routes.patch(PLAN, useCase.of(UpdatePlan.class, plans::update));
        routes.delete(PLAN, useCase.of(DeletePlan.class, plans::delete));

        var usage = handlers.usage();
        routes.get(DATABASE_USAGE, useCase.of(GetDatabaseUsage.class, usage::ofDatabase));
        routes.get(TEAM_USAGE, useCase.of(GetTeamUsage.class, usage::ofTeam));
        var costs = handlers.costs();
        routes.get(TEAM_COSTS, useCase.of(GetTeamCosts.class, costs::ofTeam));
        routes.get(COSTS, useCase.of(GetPlatformCosts.class, costs::ofPlatform));

        routes.get(LIVE, health::live);
        routes.get(READY, health::ready);

        var contract = new OpenApiDocument();
        var docs = new DocsPage();
        routes.get(OPENAPI, contract::serve);
        routes.get(DOCS, docs::page);
        DocsPage.ASSETS.keySet().forEach(asset -> routes.get(DOCS + "/" + asset, docs::asset));
        new ConsolePage().register(routes);

        // Without these, Javalin answers HEAD on a GET route with 200 without running the handler, so HEAD of a
        // database that does not exist would say it does. Jetty drops the body of a HEAD response.
        routes.head(DATABASES, databases::list);
        routes.head(DATABASE, databases::get);
        routes.head(OPERATION, operations::get);
        routes.head(DATABASE_SNAPSHOTS, snapshots::list);
        routes.head(DATABASE_SNAPSHOT, snapshots::get);
        routes.head(DATABASE_BACKUPS, backups::list);
        routes.head(BACKUP, backups::get);
        routes.head(DATABASE_REVISIONS, handlers.revisions()::list);
        routes.head(DATABASE_REVISION, handlers.revisions()::get);
        routes.head(DATABASE_OPERATIONS, operations::ofDatabase);
        routes.head(DATABASE_CREDENTIALS, credentials::read);
        routes.head(DATABASE_USERS, users::list);
        routes.head(DATABASE_USER, users::get);
        routes.head(DATABASE_USER_CREDENTIALS, users::readCredentials);
        routes.head(TEAMS, handlers.teams()::list);
        routes.head(TEAM, handlers.teams()::get);
        routes.head(TEAM_API_KEYS, handlers.apiKeys()::list);
        routes.head(ME, handlers.apiKeys()::me);
        routes.head(PLATFORM_API_KEYS, handlers.apiKeys()::listPlatform);
        routes.head(AUDIT_EVENTS, handlers.audit()::list);
        routes.head(VERSION, handlers.version()::get);
        routes.head(CLUSTERS, handlers.clusters()::list);
        routes.head(CLUSTER, handlers.clusters()::get);
        routes.head(PLANS, plans::list);
        routes.head(DATABASE_USAGE, usage::ofDatabase);
        routes.head(TEAM_USAGE, usage::ofTeam);
        routes.head(TEAM_COSTS, costs::ofTeam);
        routes.head(COSTS, costs::ofPlatform);
        routes.head(PLAN, plans::get);
        // A stream would run for ever with nothing to send; HEAD gets the headers a GET would start with.
        routes.head(EVENTS, ctx -> ctx.status(200).contentType("text/event-stream;charset=utf-8"));
        routes.head(LIVE, health::live);
        routes.head(READY, health::ready);
        routes.head(OPENAPI, contract::serve);
    }

    /** A client reads the contract before it has a key, so the document needs none; nor does it need the database. */
    private static Handler exceptTheContract(Handler check) {
        return ctx -> {
            if (!ctx.path().equals(OPENAPI)) {
                check.handle(ctx);
            }
        };
    }

    /** The handlers of every resource, built by the server. */
    record Handlers(
            DatabaseHandler databases,
            OperationHandler operations,
            CredentialHandler credentials,
            TeamHandler teams,
            ApiKeyHandler apiKeys,
            AuditHandler audit,
            EventHandler events,
            ClusterHandler clusters,
            SnapshotHandler snapshots,
            BackupHandler backups,
            UserHandler users,
            RevisionHandler revisions,
            PlanHandler plans,
            UsageHandler usage,
            CostHandler costs,
            HealthHandler health,
            VersionHandler version) {}
}

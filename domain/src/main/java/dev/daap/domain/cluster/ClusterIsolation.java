package dev.daap.domain.cluster;

import java.util.List;

/**
 * Keeps the tenants of a shared cluster apart (a secondary port). A role DAAP provisions may connect to its own
 * database only; PostgreSQL lets every role ({@code PUBLIC}) connect to a database unless that is revoked, which
 * DAAP does for the databases it makes, and this does for the others: {@code postgres}, {@code template1}, DAAP's
 * own metadata database when it shares the server, and whatever else lives there.
 */
public interface ClusterIsolation {

    /**
     * Revokes CONNECT from PUBLIC on every database of the cluster that DAAP did not provision. The logins that DAAP
     * itself needs keep working: the admin's (on the database of its URL) and DAAP's own (on its metadata database,
     * when that is on this server) get CONNECT of their own first where PUBLIC was all they had. Revoking needs the
     * owner's rights (or a superuser's); where the admin lacks them the database is left as it was.
     *
     * @return the databases that still let PUBLIC connect, by name: what the admin could not revoke
     * @throws ClusterProbeException when the cluster cannot be reached or refuses
     */
    List<String> revokePublicConnect(AdminUrl adminUrl);
}

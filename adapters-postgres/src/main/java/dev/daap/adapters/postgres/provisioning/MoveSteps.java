package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.commentOnDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.commentOnRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.login;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.renameDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.renameRole;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.user.AccessLevel;
import java.util.List;

/**
 * A move's steps on the cluster it leaves: the database read-only for the switch, and afterwards its old copy handed
 * over to the deleted database it becomes. Each reads the catalog first and touches only what carries the marker of
 * the id it works for (see {@link Ownership}), so a repeat after a crash converges.
 */
final class MoveSteps {
    private MoveSteps() {}

    /**
     * Ends the sessions still on the database and waits until they are gone (a few seconds at most), so that
     * whatever they committed is in the dump that follows; every session from then on reads only.
     */
    static void sessionsGone(TargetSession session, String name) {
        Parking.endSessions(session, name);
    }

    /**
     * Parks the old copy as {@code from}'s, then renames and re-marks database, role and groups as {@code to}'s and
     * closes {@code from}'s other logins. Each rename is followed by its marker, and a name found renamed but still
     * marked as {@code from}'s gets its marker, so a repeat after a crash between any two statements converges.
     */
    static void handOver(TargetSession session, DatabaseId from, String name, DatabaseId to) {
        String parkedFrom = NameOnCluster.parked(from).value();
        String parkedTo = NameOnCluster.parked(to).value();
        String fromMarker = "daap:" + from;
        String toMarker = "daap:" + to;
        Parking.deactivate(session, from, name);
        var database = session.read("looking up database " + parkedFrom, catalog -> catalog.database(parkedFrom));
        if (database.filter(entry -> fromMarker.equals(entry.comment())).isPresent()) {
            session.execute("making " + parkedFrom + " writable again", ProvisioningSql.writableByDefault(parkedFrom));
            session.execute("renaming database " + parkedFrom, renameDatabase(parkedFrom, parkedTo));
        }
        var handed = session.read("looking up database " + parkedTo, catalog -> catalog.database(parkedTo));
        if (handed.isEmpty()) {
            throw new ProvisioningException("the old copy of " + from + " is no longer on the cluster under "
                    + parkedFrom + " or " + parkedTo + "; nothing is left to keep of it");
        }
        if (fromMarker.equals(handed.get().comment())) {
            session.execute("marking database " + parkedTo, commentOnDatabase(parkedTo, toMarker));
        }
        handOverRole(session, parkedFrom, parkedTo, fromMarker, toMarker);
        for (AccessLevel level : AccessLevel.values()) {
            handOverRole(session, level.groupRole(from), level.groupRole(to), fromMarker, toMarker);
        }
        List<String> logins =
                session.read("looking up the logins of " + from, catalog -> catalog.rolesMarked(fromMarker));
        for (String login : logins) {
            session.execute("closing login " + login, login(login, false));
            session.execute("marking login " + login, commentOnRole(login, toMarker));
        }
    }

    /** The role {@code before} of {@code from} renamed to {@code after} and marked as {@code to}'s. */
    private static void handOverRole(
            TargetSession session, String before, String after, String fromMarker, String toMarker) {
        var role = session.read("looking up role " + before, catalog -> catalog.role(before));
        if (role.filter(entry -> fromMarker.equals(entry.comment())).isPresent()) {
            session.execute("renaming role " + before, renameRole(before, after));
        }
        var renamed = session.read("looking up role " + after, catalog -> catalog.role(after));
        if (renamed.filter(entry -> fromMarker.equals(entry.comment())).isPresent()) {
            session.execute("marking role " + after, commentOnRole(after, toMarker));
        }
    }
}

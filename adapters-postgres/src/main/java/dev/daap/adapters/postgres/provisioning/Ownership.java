package dev.daap.adapters.postgres.provisioning;

import dev.daap.adapters.postgres.provisioning.TargetCatalog.Entry;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.provisioning.ProvisioningException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the role and the database named for a DAAP database are DAAP's to change. DAAP marks both with the comment
 * {@code daap:<database id>}; only what carries the marker of the very id may be altered or dropped, so the
 * provisioner never takes over {@code postgres}, somebody else's role, or another DAAP database's.
 */
final class Ownership {
    private final String name;
    private final String marker;
    private final Optional<Entry> role;
    private final Optional<Entry> database;

    private Ownership(String name, String marker, Optional<Entry> role, Optional<Entry> database) {
        this.name = name;
        this.marker = marker;
        this.role = role;
        this.database = database;
    }

    static Ownership read(TargetSession session, DatabaseId id, String name) {
        return new Ownership(
                name,
                marker(id),
                session.read("looking up role " + name, catalog -> catalog.role(name)),
                session.read("looking up database " + name, catalog -> catalog.database(name)));
    }

    private static String marker(DatabaseId id) {
        return "daap:" + id;
    }

    String marker() {
        return marker;
    }

    boolean roleExists() {
        return role.isPresent();
    }

    boolean databaseExists() {
        return database.isPresent();
    }

    /** Refuses, before anything changes, when the role or the database exists and is not ours. */
    void requireOursOrAbsent(String remedy) {
        if (role.isPresent() && !roleIsOurs()) {
            throw notOurs("role", remedy);
        }
        if (database.isPresent() && !databaseIsOurs()) {
            throw notOurs("database", remedy);
        }
    }

    boolean roleIsOurs() {
        return role.isPresent() && marker.equals(role.get().comment());
    }

    /**
     * A database carrying our marker is ours; so is one that belongs to our role under another comment or none:
     * its owner may rewrite the comment, and a crash may come between CREATE DATABASE and COMMENT.
     */
    boolean databaseIsOurs() {
        return database.isPresent()
                && (marker.equals(database.get().comment())
                        || (roleIsOurs() && name.equals(database.get().owner())));
    }

    /** What exists under the name and is not ours, e.g. {@code [role]}; empty when nothing is somebody else's. */
    List<String> notOurs() {
        List<String> kinds = new ArrayList<>();
        if (role.isPresent() && !roleIsOurs()) {
            kinds.add("role");
        }
        if (database.isPresent() && !databaseIsOurs()) {
            kinds.add("database");
        }
        return kinds;
    }

    private ProvisioningException notOurs(String kind, String remedy) {
        return new ProvisioningException("a " + kind + " named " + name + " already exists on the target and was"
                + " not created by DAAP for this database; " + remedy);
    }
}

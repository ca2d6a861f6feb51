package dev.daap.application.database;

import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.DatabaseId;
import java.util.OptionalLong;

/**
 * An owner's change to a database.
 *
 * @param expectedVersion the version the client last saw (from {@code If-Match}); empty means last write wins
 */
public record UpdateDatabaseCommand(DatabaseId id, DatabaseChanges changes, OptionalLong expectedVersion) {}

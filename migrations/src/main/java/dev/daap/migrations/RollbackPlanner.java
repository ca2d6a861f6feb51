package dev.daap.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Liquibase;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * Works out what rolling back the last changesets would drop: the rollback SQL Liquibase would run (our changelogs
 * are formatted SQL, so that is their own text), read for {@code DROP TABLE} and {@code DROP COLUMN}, and each such
 * table or column asked whether it holds data.
 */
final class RollbackPlanner {
    private static final String NAME = "[a-z_][a-z0-9_]*";
    private static final Pattern DROP_TABLE = Pattern.compile(
            "\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(" + NAME + "\\." + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(" + NAME + "\\." + NAME + ")\\s+(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP_COLUMN =
            Pattern.compile("\\bDROP\\s+COLUMN\\s+(?:IF\\s+EXISTS\\s+)?(" + NAME + ")", Pattern.CASE_INSENSITIVE);

    private RollbackPlanner() {}

    static RollbackPlan plan(Liquibase liquibase, int count) throws LiquibaseException {
        Database database = liquibase.getDatabase();
        DatabaseChangeLog changeLog = liquibase.getDatabaseChangeLog();
        List<RanChangeSet> ran = database.getRanChangeSetList();
        List<String> ids = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        for (RanChangeSet applied :
                ran.subList(Math.max(0, ran.size() - count), ran.size()).reversed()) {
            ids.add(applied.getId());
            ChangeSet changeSet = changeLog.getChangeSet(applied);
            if (changeSet != null) {
                collectDrops(changeSet, database, tables, columns);
            }
        }
        columns.removeIf(column -> tables.contains(column.substring(0, column.lastIndexOf('.'))));
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        List<RollbackPlan.DataLoss> losses = new ArrayList<>();
        try {
            for (String table : tables) {
                long rows = rows(connection, table, null);
                if (rows > 0) {
                    losses.add(new RollbackPlan.DataLoss("table " + table, rows));
                }
            }
            for (String column : columns) {
                int dot = column.lastIndexOf('.');
                long rows = rows(connection, column.substring(0, dot), column.substring(dot + 1));
                if (rows > 0) {
                    losses.add(new RollbackPlan.DataLoss("column " + column, rows));
                }
            }
        } catch (SQLException e) {
            throw new LiquibaseException("cannot tell what the rollback would drop: " + e.getMessage(), e);
        }
        return new RollbackPlan(ids, losses);
    }

    private static void collectDrops(ChangeSet changeSet, Database database, Set<String> tables, Set<String> columns) {
        for (Change change : changeSet.getRollback().getChanges()) {
            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
                String text = sql.toSql();
                Matcher table = DROP_TABLE.matcher(text);
                while (table.find()) {
                    tables.add(table.group(1).toLowerCase(Locale.ROOT));
                }
                Matcher alter = ALTER_TABLE.matcher(text);
                if (alter.find()) {
                    Matcher column = DROP_COLUMN.matcher(alter.group(2));
                    while (column.find()) {
                        columns.add(alter.group(1).toLowerCase(Locale.ROOT) + "."
                                + column.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    /**
     * Rows of the table (with a value in the column, if one is named), counted up to the limit; 0 for a table that
     * does not exist (nothing to lose). Safe to splice: every name matched {@link #NAME}.
     */
    private static long rows(Connection connection, String table, String column) throws SQLException {
        String[] parts = table.split("\\.");
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT to_regclass('\"" + parts[0] + "\".\"" + parts[1] + "\"') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return 0;
                }
            }
            String where = column == null ? "" : " WHERE \"" + column + "\" IS NOT NULL";
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM (SELECT 1 FROM \"" + parts[0] + "\".\""
                    + parts[1] + "\"" + where + " LIMIT " + RollbackPlan.DataLoss.COUNT_LIMIT + ") AS kept")) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}

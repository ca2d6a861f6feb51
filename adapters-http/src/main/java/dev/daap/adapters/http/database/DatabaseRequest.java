package dev.daap.adapters.http.database;

import dev.daap.application.database.CreateDatabaseCommand;
import java.util.Map;

/** The body of {@code POST /v1/databases}. Absent fields arrive as null; the command says which are required. */
public record DatabaseRequest(String name, String ownerTeam, String purpose, Map<String, String> labels) {

    public CreateDatabaseCommand toCommand() {
        return CreateDatabaseCommand.of(name, ownerTeam, purpose, labels);
    }
}

package dev.daap.adapters.postgres.access;

import dev.daap.adapters.postgres.generated.tables.records.ApiKeysRecord;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.Role;
import dev.daap.domain.team.TeamSlug;

/** Maps between the generated record and the domain's {@link ApiKey}; a platform admin key has no team. */
final class ApiKeyRecordMapper {
    private ApiKeyRecordMapper() {}

    static ApiKey toDomain(ApiKeysRecord record) {
        return new ApiKey(
                record.getId(),
                record.getTeam() == null ? null : new TeamSlug(record.getTeam()),
                Role.fromWireName(record.getRole()),
                record.getPrefix(),
                record.getTokenHash(),
                record.getDescription(),
                record.getCreatedAt(),
                record.getExpiresAt(),
                record.getLastUsedAt(),
                record.getRevokedAt());
    }

    static ApiKeysRecord toRecord(ApiKey key) {
        return new ApiKeysRecord()
                .setId(key.id())
                .setTeam(key.teamSlug().map(TeamSlug::value).orElse(null))
                .setRole(key.role().wireName())
                .setPrefix(key.prefix())
                .setTokenHash(key.tokenHash())
                .setDescription(key.description())
                .setCreatedAt(key.createdAt())
                .setExpiresAt(key.expiresAt())
                .setLastUsedAt(key.lastUsedAt())
                .setRevokedAt(key.revokedAt());
    }
}

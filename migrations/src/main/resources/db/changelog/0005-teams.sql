--liquibase formatted sql

--changeset daap:0011-teams-table
--comment: the teams that own databases and API keys; the CHECKs mirror TeamSlug and Team.checkDisplayName so no writer can bypass them
CREATE TABLE ${schema}.teams (
    slug         text        NOT NULL,
    display_name text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT teams_pkey PRIMARY KEY (slug),
    CONSTRAINT teams_slug_format CHECK (slug ~ '^[a-z][a-z0-9-]{2,62}$'),
    CONSTRAINT teams_display_name_format CHECK (char_length(display_name) BETWEEN 1 AND 200 AND display_name ~ '\S'
        AND display_name !~ '[\u0001-\u001f\u007f-\u009f]')
);
--rollback DROP TABLE ${schema}.teams;

--changeset daap:0012-teams-from-databases
--comment: installations from before teams have databases whose owner_team names no team yet; each becomes a team, created with its first database, so the foreign key below holds. Deleted databases count: the key covers every row. ON CONFLICT keeps a rerun after a one-step rollback harmless.
INSERT INTO ${schema}.teams (slug, display_name, created_at)
SELECT owner_team, owner_team, min(created_at)
  FROM ${schema}.databases
 GROUP BY owner_team
ON CONFLICT (slug) DO NOTHING;
--rollback empty

--changeset daap:0013-databases-owner-team-fkey
--comment: a database belongs to a team that exists; RESTRICT because a team with databases is never renamed or removed behind their back
ALTER TABLE ${schema}.databases ADD CONSTRAINT databases_owner_team_fkey FOREIGN KEY (owner_team)
    REFERENCES ${schema}.teams (slug) ON UPDATE RESTRICT ON DELETE RESTRICT;
--rollback ALTER TABLE ${schema}.databases DROP CONSTRAINT databases_owner_team_fkey;

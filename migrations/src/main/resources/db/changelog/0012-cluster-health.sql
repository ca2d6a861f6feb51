--liquibase formatted sql

--changeset daap:0040-events-without-team
--comment: events about the fleet (cluster.health_changed) belong to no team: team is NULL, and a read filtered by team never returns them, so only platform admins (whose reads have no team filter) see them. The rollback deletes those events: before this changeset there was nowhere to keep them.
ALTER TABLE ${schema}.events
    ALTER COLUMN team DROP NOT NULL,
    DROP CONSTRAINT events_type_known,
    ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated',
                                                     'database.deleted', 'credentials.rotated',
                                                     'cluster.health_changed')),
    ADD CONSTRAINT events_team_unless_fleet CHECK ((team IS NULL) = (type LIKE 'cluster.%'));
--rollback DELETE FROM ${schema}.events WHERE team IS NULL OR type = 'cluster.health_changed';
--rollback ALTER TABLE ${schema}.events DROP CONSTRAINT events_team_unless_fleet, DROP CONSTRAINT events_type_known, ALTER COLUMN team SET NOT NULL, ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated', 'database.deleted', 'credentials.rotated'));

--changeset daap:0041-jobs-waiting-for-cluster
--comment: a job postponed because its cluster is down or unreachable names the cluster it waits for: when the probe sees that cluster answer again, its waiting jobs are made due at once (and no longer wait for their backoff). Postponing gives the claim's attempt back, so waiting never uses up a job's attempts.
ALTER TABLE ${schema}.jobs
    ADD COLUMN waiting_for_cluster uuid,
    ADD CONSTRAINT jobs_waiting_for_cluster_fkey FOREIGN KEY (waiting_for_cluster) REFERENCES ${schema}.clusters (id);
CREATE INDEX jobs_waiting_for_cluster_idx ON ${schema}.jobs (waiting_for_cluster) WHERE waiting_for_cluster IS NOT NULL;
--rollback DROP INDEX ${schema}.jobs_waiting_for_cluster_idx;
--rollback ALTER TABLE ${schema}.jobs DROP COLUMN waiting_for_cluster;

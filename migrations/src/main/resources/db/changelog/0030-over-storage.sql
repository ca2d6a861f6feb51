--liquibase formatted sql

--changeset daap:0230-events-quota-state-changed
--comment: the event of a database crossing its plan's storage limit, either way (database.quota_state_changed, issue 21); on top of daap:0193's types
ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known,
    ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated',
        'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created',
        'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started', 'backup.created',
        'backup.status_changed', 'user.created', 'user.status_changed', 'user.credentials_rotated',
        'user.previous_login_ended', 'backup.verified', 'backup.verification_failed',
        'database.quota_state_changed'));
--rollback ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known;
--rollback DELETE FROM ${schema}.events WHERE type = 'database.quota_state_changed';
--rollback ALTER TABLE ${schema}.events ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated', 'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created', 'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started', 'backup.created', 'backup.status_changed', 'user.created', 'user.status_changed', 'user.credentials_rotated', 'user.previous_login_ended', 'backup.verified', 'backup.verification_failed'));

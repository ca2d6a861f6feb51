--liquibase formatted sql

--changeset daap:0030-events-table
--comment: the durable log of live events, read in (xid, seq) order. xid is the writing transaction's id, as bigint: pg_current_xact_id() is an xid8, which jOOQ cannot map, and an xid8 below 2^63 (billions of years of transactions) converts exactly and sorts the same. A reader publishes only rows whose xid is below its snapshot's xmin: every transaction that commits later has an xid at or above that xmin, so nothing can appear before a position once it was handed out.
CREATE TABLE ${schema}.events (
    xid         bigint      NOT NULL DEFAULT (pg_current_xact_id()::text)::bigint,
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    occurred_at timestamptz NOT NULL,
    type        text        NOT NULL,
    team        text        NOT NULL,
    resource_id uuid        NOT NULL,
    payload     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT events_pkey PRIMARY KEY (xid, seq),
    CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated',
                                                 'database.deleted', 'credentials.rotated')),
    CONSTRAINT events_payload_object CHECK (jsonb_typeof(payload) = 'object'),
    CONSTRAINT events_payload_small CHECK (octet_length(payload::text) <= 4096)
);
--rollback DROP TABLE ${schema}.events;

--changeset daap:0031-events-indexes
--comment: a team's stream and a resource's stream read in position order; the retention purge deletes by age
CREATE INDEX events_team_position_idx ON ${schema}.events (team, xid, seq);
CREATE INDEX events_resource_position_idx ON ${schema}.events (resource_id, xid, seq);
CREATE INDEX events_occurred_at_idx ON ${schema}.events (occurred_at);
--rollback DROP INDEX ${schema}.events_occurred_at_idx;
--rollback DROP INDEX ${schema}.events_resource_position_idx;
--rollback DROP INDEX ${schema}.events_team_position_idx;

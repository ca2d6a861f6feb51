--liquibase formatted sql

--changeset daap:0034-jobs-trace-parent
--comment: the W3C traceparent of the request that enqueued a job, so that the job's runs join that request's trace; NULL when the request was not traced (tracing off, or jobs from before this column)
ALTER TABLE ${schema}.jobs
    ADD COLUMN trace_parent text,
    ADD CONSTRAINT jobs_trace_parent_format CHECK (trace_parent ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$');
--rollback ALTER TABLE ${schema}.jobs DROP COLUMN trace_parent;

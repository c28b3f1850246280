-- Idempotency-Key on POST /reports and POST /questions: per endpoint and key, which request the key named (the
-- SHA-256 of its parsed body) and what it created, so a retry gets the same answer instead of a second incident.
-- Written in the transaction that creates the report or question. The primary key is what makes two concurrent
-- requests with one key create one resource, across replicas.
create table idempotency_key (
    endpoint      text        not null,
    key           text        not null check (length(key) between 1 and 200),
    request_hash  text        not null check (request_hash ~ '^[0-9a-f]{64}$'),
    resource_id   uuid        not null,
    incident_id   uuid        not null,
    status        integer     not null,
    location      text        not null,
    created_at    timestamptz not null,
    primary key (endpoint, key)
);
-- The purge deletes by age.
create index idempotency_key_created_at on idempotency_key (created_at);

-- Shared by every service, created in the service's own schema. Service migrations start at V100.

-- Transactional outbox: events are written here in the same transaction as the state change that raised them,
-- and the relay publishes them to Kafka after commit.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    event_type    text        not null,
    source        text        not null,
    subject       uuid        not null,
    occurred_at   timestamptz not null,
    payload       text        not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);
-- The relay only ever scans what is still to be sent.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent inbox: the id of every event a consumer has applied, written in the same transaction as the effect.
create table inbox_event (
    event_id      uuid        not null,
    consumer      text        not null,
    event_type    text        not null,
    subject       uuid        not null,
    source        text        not null,
    occurred_at   timestamptz not null,
    processed_at  timestamptz not null,
    primary key (event_id, consumer)
);
create index inbox_event_processed_at on inbox_event (processed_at desc);

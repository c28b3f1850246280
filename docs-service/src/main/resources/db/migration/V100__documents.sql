create sequence document_tracking_number start with 1001;

-- R-DOC-1: one living document per incident.
create table document (
    id            uuid primary key,
    incident_id   uuid        not null unique,
    tracking_id   text        not null unique,
    title         text        not null,
    team          text        not null,
    severity      text        not null,
    security      boolean     not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    revision      integer     not null,
    version       bigint      not null default 0
);
create index document_updated_at on document (updated_at desc);

-- The running log. One row per event that produced it, so a redelivered event cannot add a second line.
create table timeline_entry (
    id            bigserial primary key,
    document_id   uuid        not null references document (id),
    event_id      uuid        not null unique,
    occurred_at   timestamptz not null,
    kind          text        not null,
    text          text        not null
);
create index timeline_entry_document on timeline_entry (document_id, occurred_at, id);

-- Durable timers. A PENDING row is a clock that is running.
create table deadline (
    id            uuid primary key,
    incident_id   uuid        not null,
    kind          text        not null,
    due_at        timestamptz not null,
    status        text        not null,
    created_at    timestamptz not null,
    version       bigint      not null default 0,
    unique (incident_id, kind, due_at)
);
create index deadline_pending_due on deadline (due_at) where status = 'PENDING';

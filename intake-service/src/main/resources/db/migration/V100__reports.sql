-- Every report as received. The reporter's contact is personal data: it stays here and never travels on an event.
create table report (
    id            uuid primary key,
    incident_id   uuid        not null,
    team          text        not null,
    title         text        not null,
    description   text        not null,
    channel       text        not null,
    severity      text        not null,
    reporter      text,
    reporter_ref  uuid,
    received_at   timestamptz not null
);
create index report_incident on report (incident_id);
create index report_received_at on report (received_at desc);

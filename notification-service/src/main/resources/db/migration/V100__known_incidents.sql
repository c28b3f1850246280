-- Incidents this service must keep stakeholders informed about.
create table known_incident (
    incident_id    uuid primary key,
    team           text        not null,
    title          text        not null,
    severity       text        not null,
    security       boolean     not null,
    reported_at    timestamptz not null,
    first_seen_at  timestamptz not null
);
create index known_incident_seen on known_incident (first_seen_at desc);

-- The incident aggregate. Lifecycle states beyond REPORTED arrive with triage and command.
create table incident (
    id             uuid primary key,
    team           text        not null,
    title          text        not null,
    severity       text        not null,
    state          text        not null,
    likely         boolean     not null,
    site_wide      boolean     not null,
    security       boolean     not null,
    report_count   integer     not null,
    reported_at    timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 0
);
create index incident_state on incident (state, reported_at);

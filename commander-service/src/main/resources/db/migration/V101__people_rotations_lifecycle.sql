-- People and teams the process names (R-CMD-2, R-CMD-4). Contact details stay in this schema; events carry only refs.
create table person (
    ref         text primary key,
    name        text not null,
    email       text,
    chat_handle text,
    phone       text,
    time_zone   text not null,
    team        text,
    version     bigint not null default 0
);
-- Access roles (admin, security): who may see security incidents and act for any IC.
create table person_access_role (
    person_ref text not null references person (ref) on delete cascade,
    role       text not null,
    primary key (person_ref, role)
);
create table team (
    name    text primary key,
    version bigint not null default 0
);
-- Organisational roles (PRODUCT_OWNER, CTO, ...) per team; the team named "organisation" holds company-wide ones.
create table team_role (
    team       text not null references team (name) on delete cascade,
    role       text not null,
    person_ref text not null,
    primary key (team, role, person_ref)
);

-- R-CMD-2: on-call schedules. Layers and overrides are one JSON document: they are always read and written whole,
-- and the on-call function works on the whole rotation at once.
create table schedule (
    id         text primary key,
    team       text not null,
    name       text not null,
    time_zone  text not null,
    definition text not null,
    version    bigint not null default 0
);
create index schedule_team on schedule (team);

-- R-ACK-2: one escalation policy per team, as a JSON document for the same reason.
create table escalation_policy (
    team       text primary key,
    definition text not null,
    version    bigint not null default 0
);

-- The lifecycle beyond REPORTED: triage, command, paging, hand-off and close by consensus.
alter table incident
    add column triage_decision        text,
    add column commander              text,
    add column commander_team         text,
    add column acknowledged_at        timestamptz,
    add column escalation_level       integer not null default 0,
    add column level_paged_at         timestamptz,
    add column acknowledge_by         timestamptz,
    add column levels_exhausted       boolean not null default false,
    add column hand_off_to            text,
    add column hand_off_to_team       text,
    add column close_proposed_by      text,
    add column close_window_ends_at   timestamptz,
    add column close_objected         boolean not null default false,
    add column rotation_due           boolean not null default false;
create table incident_paged (
    incident_id uuid not null references incident (id) on delete cascade,
    person_ref  text not null,
    primary key (incident_id, person_ref)
);
create table incident_participant (
    incident_id uuid not null references incident (id) on delete cascade,
    person_ref  text not null,
    primary key (incident_id, person_ref)
);
create table incident_timeline (
    incident_id uuid        not null references incident (id) on delete cascade,
    position    integer     not null,
    at          timestamptz not null,
    kind        text        not null,
    actor       text,
    text        text,
    primary key (incident_id, position)
);

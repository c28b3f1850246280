-- What the incident lifecycle needs remembered to route later notices: who commands, where the document is.
alter table known_incident add column commander_ref text;
alter table known_incident add column document_url text;
-- False while only a lifecycle event has named the incident: its report (title, severity) is still on its way.
alter table known_incident add column reported boolean not null default true;

-- Who hears about a team's incidents, in which role, from which severity up, and where. A null team means every
-- team (CTO, CPO, the IT service desk, legal, public relations are company-wide).
create table stakeholder (
    id            uuid primary key,
    team          text,
    role          text        not null,
    min_severity  text        not null,
    channel       text        not null,
    address       text        not null,
    created_at    timestamptz not null,
    unique (team, role, channel, address)
);
create index stakeholder_team_role on stakeholder (team, role);

-- Per team: the bridge line for the room topic, the team's chat room (an incoming webhook) and its topic API,
-- and the ticketing system that records triage decisions.
create table team_settings (
    team             text primary key,
    bridge           text,
    chat_kind        text,
    chat_url         text,
    room_topic_url   text,
    ticket_url       text,
    ticket_project   text,
    updated_at       timestamptz not null
);

-- Operator-edited message templates; a missing row means the default from the classpath.
create table message_template (
    name        text primary key,
    subject     text        not null,
    body        text        not null,
    updated_at  timestamptz not null
);

-- One row per (notice, recipient, channel): the unique key is what makes a redelivered event, or the same notice
-- raised twice, produce one message. The worker claims due PENDING rows, sends, and marks them.
create table delivery (
    id               uuid primary key,
    notice_key       text        not null,
    incident_id      uuid        not null,
    recipient        text        not null,
    channel          text        not null,
    audience         text        not null,
    template         text        not null,
    subject          text        not null,
    body             text        not null,
    status           text        not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    external_ref     text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    failed_at        timestamptz,
    unique (notice_key, recipient, channel)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_incident on delivery (incident_id);
create index delivery_created on delivery (created_at desc);

-- Events that arrived before their incident's report (another topic): kept, then planned when the report comes,
-- so a notice never goes out with an unknown title, severity or security flag.
create table parked_event (
    event_id     uuid primary key,
    incident_id  uuid        not null,
    source       text        not null,
    type         text        not null,
    event_time   timestamptz not null,
    payload      text        not null,
    parked_at    timestamptz not null
);
create index parked_event_incident on parked_event (incident_id, event_time);

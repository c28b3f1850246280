-- The header follows the lifecycle events (R-DOC-1).
alter table document add column status text not null default 'reported';
alter table document add column commander_ref text;
alter table document add column status_summary text;
-- The conference bridge the IC opened; no event carries it, so the IC sets it here.
alter table document add column bridge text;
alter table document add column security_form_filed_at timestamptz;
-- The hash of the newest timeline entry: the next entry chains onto it while the document row is locked.
alter table document add column last_hash text;

-- Tamper evidence: each entry stores the hash of the entry appended before it and its own hash over that and its
-- canonical content. Entries written before this migration have no hash and are reported as unchained.
alter table timeline_entry add column actor text;
alter table timeline_entry add column link text;
alter table timeline_entry add column previous_hash text;
alter table timeline_entry add column hash text;
create index timeline_entry_chain on timeline_entry (document_id, id);

create table action_item (
    id            uuid primary key,
    document_id   uuid        not null references document (id),
    title         text        not null,
    owner_ref     text        not null,
    due_date      date        not null,
    ticket_link   text,
    created_by    text        not null,
    created_at    timestamptz not null,
    done_by       text,
    done_at       timestamptz,
    version       bigint      not null default 0
);
create index action_item_document on action_item (document_id, due_date);

-- R-SEC-5: the security runbook as a checklist on every security incident.
create table checklist_item (
    id            uuid primary key,
    document_id   uuid        not null references document (id),
    position      integer     not null,
    item_key      text        not null,
    label         text        not null,
    done_by       text,
    done_at       timestamptz,
    version       bigint      not null default 0,
    unique (document_id, item_key)
);

-- R-PM-1..3: one postmortem and its root cause analysis per incident.
create table postmortem (
    id              uuid primary key,
    document_id     uuid        not null unique references document (id),
    summary         text,
    impact          text,
    timeline        text,
    root_cause      text,
    resolution      text,
    went_well       text,
    went_badly      text,
    action_items    text,
    published_at    timestamptz,
    published_by    text,
    override_reason text,
    rca_problem     text,
    rca_response    text,
    rca_prevention  text,
    rca_completed_at timestamptz,
    rca_completed_by text,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);

-- Events about an incident whose report has not arrived yet: topics are read independently, so the commander's
-- CommanderPaged can overtake the IncidentReported it answers. They wait here and join the timeline when the
-- document is created.
create table early_event (
    event_id    uuid primary key,
    incident_id uuid        not null,
    source      text        not null,
    type        text        not null,
    occurred_at timestamptz not null,
    payload     text        not null
);
create index early_event_incident on early_event (incident_id, occurred_at);

-- Every stop of a clock this service heard of (a triage decision, a filed form, an objection, a hand-off...). A stop
-- can arrive before the start of the clock it stops (commander publishes the triage decision before the
-- acknowledgement that starts the triage clock; events on different topics come in any order), so the start looks
-- here and ends its clock at once instead of letting it warn and breach.
create table heard_stop (
    id          uuid primary key,
    incident_id uuid        not null,
    kind        text        not null,
    stopped_at  timestamptz not null,
    unique (incident_id, kind, stopped_at)
);

-- E-mailed reports (R-REP-2, R-REP-5). mail_incident: incidents opened by mail, with what later mails are matched
-- on (subject, +key) and whether the incident is still open (the lifecycle consumer closes it).
create table mail_incident (
    incident_id  uuid primary key,
    team         text        not null,
    subject_key  text        not null,
    plus_key     text,
    open         boolean     not null,
    opened_at    timestamptz not null
);
create index mail_incident_team_open on mail_incident (team, open, opened_at desc);

-- Every accepted mail by Message-ID: replies find their incident here, and a mail delivered twice is taken once.
create table mail_message (
    message_id   text primary key,
    incident_id  uuid        not null,
    report_id    uuid        not null,
    received_at  timestamptz not null
);

-- Attachments are kept as sent, beside the report; they never travel on an event.
create table mail_attachment (
    id            uuid primary key,
    report_id     uuid        not null,
    incident_id   uuid        not null,
    file_name     text        not null,
    content_type  text        not null,
    size_bytes    integer     not null,
    content       bytea       not null,
    received_at   timestamptz not null
);
create index mail_attachment_report on mail_attachment (report_id);

-- R-REP-7: questions from people unsure whether something is an incident. The asker's contact is personal data:
-- it stays here and never travels on an event. incident_id is reserved for the incident the question may become.
create table question (
    id                uuid primary key,
    incident_id       uuid        not null unique,
    team              text        not null,
    text              text        not null,
    asker             text        not null,
    asker_ref         uuid        not null,
    asked_at          timestamptz not null,
    answer_by         timestamptz not null,
    security          boolean     not null,
    status            text        not null,
    answered_by       text,
    answer            text,
    answered_incident boolean,
    answered_at       timestamptz,
    became_incident_at timestamptz,
    version           bigint      not null default 0
);
create index question_asked_at on question (asked_at desc);

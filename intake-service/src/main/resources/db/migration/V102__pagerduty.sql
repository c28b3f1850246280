-- Reports from monitoring tools: which integration sent them, the dedup key, and the body as received (without
-- its routing key). Acknowledge and resolve requests are kept as reports too, and carry no severity.
alter table report add column integration_id uuid references integration (id);
alter table report add column dedup_key text;
alter table report add column raw_payload text;
alter table report alter column severity drop not null;
create index report_dedup on report (integration_id, dedup_key) where integration_id is not null;

-- PagerDuty de-duplication (R-REP-5): per integration and dedup key, the incident the key keeps open (null once
-- resolved). The primary key is what stops two concurrent triggers with one new key from opening two incidents.
create table alert_dedup (
    integration_id  uuid        not null references integration (id),
    dedup_key       text        not null,
    incident_id     uuid,
    acknowledged    boolean     not null,
    updated_at      timestamptz not null,
    primary key (integration_id, dedup_key)
);

-- Optional HMAC-SHA256 signing secret per integration (generic webhooks, and any other integration that signs).
-- Kept as issued, unlike the key: checking a signature needs the secret itself, as on every webhook sender.
alter table integration add column signing_secret text;

-- R-REP-6 restricted storage: the original text of reports that held personal data. The report row and the event
-- carry the redacted text; only this table has the original. Deployments grant it to the security team alone.
create table pii_vault (
    report_id    uuid primary key,
    incident_id  uuid        not null,
    kinds        text        not null,
    title        text,
    description  text,
    raw_payload  text,
    stored_at    timestamptz not null
);
create index pii_vault_incident on pii_vault (incident_id);

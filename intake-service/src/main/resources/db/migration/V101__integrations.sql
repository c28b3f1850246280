-- Monitoring tools connected to a team. Only the SHA-256 of each key is kept: the key is shown once, when it is
-- issued, and a copy of this table gives nobody a working key.
create table integration (
    id              uuid primary key,
    team            text        not null,
    name            text        not null,
    type            text        not null check (type in ('PAGERDUTY', 'ALERTMANAGER', 'GRAFANA', 'GENERIC')),
    key_hash        text        not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
    enabled         boolean     not null,
    created_at      timestamptz not null,
    key_rotated_at  timestamptz not null,
    disabled_at     timestamptz,
    version         bigint      not null
);
create index integration_team on integration (team, name);

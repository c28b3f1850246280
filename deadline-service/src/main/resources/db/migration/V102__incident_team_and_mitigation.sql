-- R-PM-4 measures times per team and severity, and R-PM-2 counts business days where the owning team works.
alter table incident
    add column team         text,
    add column mitigated_at timestamptz;
create index incident_measured on incident (team, severity) where reported_at is not null;

-- Storm absorption: repeated triggers of a dedup key that is open are counted on the key's row, not stored as one
-- report each. The row keeps the latest payload and when it came; a ReportAttached goes out for the first repeat
-- and then at most once a minute, carrying how many triggers it stands for.
alter table alert_dedup add column repeats_pending integer not null default 0;
alter table alert_dedup add column repeats_total integer not null default 0;
alter table alert_dedup add column last_seen_at timestamptz;
alter table alert_dedup add column last_payload text;
alter table alert_dedup add column announced_at timestamptz;

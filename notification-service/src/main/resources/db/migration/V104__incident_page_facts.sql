-- What a page must carry so the person woken can judge the incident without opening anything first: how the first
-- report arrived, the start of its description, the evidence links it gave, and how many reports have come since.
-- Evidence links are one per line: a URL cannot contain a line break, and the list is only ever read whole.
alter table known_incident add column source text;
alter table known_incident add column description text;
alter table known_incident add column evidence_links text;
-- 1 for the report that opened the incident; each attached report adds the triggers it stands for.
alter table known_incident add column report_count integer not null default 1;

-- R-DOC-1: the document's evidence section, one row per link, each link once per document, in order of arrival.
-- Links come from the report that opened the incident (IncidentReported.evidenceLinks and addresses in its
-- description) and from entries people write; the timeline keeps one link per entry and cannot hold a report's
-- several.
create table evidence (
    id          bigserial primary key,
    document_id uuid        not null references document (id),
    url         text        not null,
    label       text        not null,
    source      text        not null,
    actor       text,
    added_at    timestamptz not null,
    unique (document_id, url)
);
create index evidence_document on evidence (document_id, id);

-- Links people wrote before this table existed were evidence through their timeline entry; they stay evidence.
insert into evidence (document_id, url, label, source, actor, added_at)
select document_id, link, left(regexp_replace(text, '\s+', ' ', 'g'), 80), kind || ' entry', actor, occurred_at
from timeline_entry
where link is not null and kind in ('update', 'status-summary', 'evidence', 'decision', 'leadership-update')
order by id
on conflict (document_id, url) do nothing;

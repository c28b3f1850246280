-- The incident list reads newest first, and most often one team's incidents; both orders end on the id so a page
-- boundary between two incidents reported in the same microsecond is exact.
create index incident_reported on incident (reported_at desc, id desc);
create index incident_team_reported on incident (team, reported_at desc, id desc);

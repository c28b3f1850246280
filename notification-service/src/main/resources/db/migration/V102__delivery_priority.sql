-- Urgent deliveries (a page, a blocker, a breached clock: see Urgency) are claimed before routine broadcasts, so
-- they do not wait behind the fan-out of other incidents. 0 is urgent, 1 routine; lower is claimed first.
alter table delivery add column priority smallint not null default 1;

-- Rows still waiting when this runs get the same decision new rows get from Urgency.of.
update delivery set priority = 0
 where status = 'PENDING'
   and template in ('page', 'blocker', 'escalation-exhausted', 'handoff-disputed', 'deadline-warned',
                    'deadline-breached');

-- The claim reads "PENDING, due, by priority then due time"; this index serves it in order, so the first due row of
-- the highest priority is found without sorting the backlog.
drop index delivery_due;
create index delivery_claim on delivery (priority, next_attempt_at) where status = 'PENDING';

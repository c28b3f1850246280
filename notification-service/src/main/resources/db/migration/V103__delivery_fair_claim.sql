-- Fair claims: during a storm one team's commanders can have hundreds of pages waiting while another team's first
-- page arrives. Each delivery remembers how many deliveries of its priority were already waiting for the same
-- recipient when it was queued; workers claim by priority, then by that backlog, then by due time, so every
-- recipient's first waiting message goes before anyone's second, and a new incident's page never queues behind
-- another team's flood.
alter table delivery add column recipient_backlog integer not null default 0;

create index delivery_recipient_pending on delivery (recipient, priority) where status = 'PENDING';

drop index delivery_claim;
create index delivery_claim on delivery (priority, recipient_backlog, next_attempt_at) where status = 'PENDING';

-- One mail to two teams' intake addresses is taken once per team: each team gets its report and its incident, and
-- a reply to it threads into each team's own incident. A Message-ID is therefore known per team. Mails taken before
-- this change belong to the team of the incident they went to.
alter table mail_message add column team text;
update mail_message m set team = coalesce((select i.team from mail_incident i where i.incident_id = m.incident_id),
                                          (select r.team from report r where r.id = m.report_id), '');
alter table mail_message alter column team set not null;
alter table mail_message drop constraint mail_message_pkey;
alter table mail_message add primary key (message_id, team);

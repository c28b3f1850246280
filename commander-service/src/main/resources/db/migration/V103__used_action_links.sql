-- One-click links honoured once (io.incident.runtime.access.ActionLink): the digest of each token that acted, in the
-- same transaction as the action, so a link forwarded, replayed or clicked twice does nothing the second time. The
-- digest, not the token, is kept: the table holds no credential.
create table used_action_link (
    token_digest  text primary key,
    incident_id   uuid        not null,
    person        text        not null,
    action        text        not null,
    used_at       timestamptz not null
);

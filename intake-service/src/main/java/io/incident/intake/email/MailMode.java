package io.incident.intake.email;

/**
 * When a new mail (not a reply, no {@code +key}) opens an incident for a team, as PagerDuty's e-mail integrations
 * offer: a new incident per mail, per new subject, or only when the team has none open from e-mail.
 */
public enum MailMode {
    PER_MAIL, PER_SUBJECT, WHEN_NONE_OPEN
}

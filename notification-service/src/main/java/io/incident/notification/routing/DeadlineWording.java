package io.incident.notification.routing;

import io.incident.events.DeadlineKind;

/**
 * What a deadline notice calls a clock, and what it asks the reader to do, in words a person acts on rather than
 * the contract's enum name. Templates get them as {@code clock} and {@code action}; {@code kind} keeps the name.
 */
public final class DeadlineWording {

    private DeadlineWording() {
    }

    /** The clock's name for a subject line: "[Due soon] Triage decision for ...". */
    public static String clock(DeadlineKind kind) {
        return switch (kind) {
            case ACKNOWLEDGE -> "Acknowledgement";
            case TRIAGE -> "Triage decision";
            case QUESTION -> "Answer to the question";
            case FATIGUE_ROTATION -> "Response team rotation";
            case INQUIRY_RESPONSE -> "Answer to an inquiry";
            case DOCUMENT_UPDATE -> "Incident document update";
            case SECURITY_FORM -> "Security incident form";
            case LEADERSHIP_UPDATE -> "Leadership update";
            case CLOSE_OBJECTION_WINDOW -> "Close objection window";
            case ROOT_CAUSE_ANALYSIS -> "Root cause analysis";
        };
    }

    /** What to do before the clock runs out ({@code breached} false) or now that it has ({@code breached} true). */
    public static String action(DeadlineKind kind, boolean breached) {
        return switch (kind) {
            case TRIAGE -> breached
                    ? "The alert was not judged in time. Escalate it now to the next level of the team's escalation"
                    + " policy and keep working on it; record the triage decision as soon as you can (R-ACK-3)."
                    : "Decide whether the alert is an incident, not an incident or a false positive. If you cannot"
                    + " judge it by then, escalate it and keep working on it (R-ACK-3).";
            case ACKNOWLEDGE -> "Acknowledge the page, or the next level of the escalation policy is paged (R-ACK-2).";
            case QUESTION -> "Answer the question, or it becomes an incident (R-REP-7).";
            case FATIGUE_ROTATION -> "Hand the response to a fresh team: brief the new team and announce the change"
                    + " (R-CMD-5).";
            case INQUIRY_RESPONSE -> "Answer the open inquiry (R-CMD-7).";
            case DOCUMENT_UPDATE -> "Add an entry to the incident document, even if there is nothing new (R-DOC-2).";
            case SECURITY_FORM -> "File the security incident form with the IT service desk (R-SEC-1).";
            case LEADERSHIP_UPDATE -> "Send leadership an update on the incident (R-SEC-3).";
            case CLOSE_OBJECTION_WINDOW -> "Settle any objection to closing the incident (R-CLS-1).";
            case ROOT_CAUSE_ANALYSIS -> "Finish the root cause analysis in the postmortem (R-PM-2).";
        };
    }
}

package io.incident.events;

/** Every clock the process sets, with the rule that sets it. */
public enum DeadlineKind {
    /** R-ACK-2: 5 minutes for likely incidents, 15 for standard alerts. */
    ACKNOWLEDGE,
    /** R-ACK-3: a responder who cannot judge an alert within 15 minutes escalates it. */
    TRIAGE,
    /** R-REP-7: a question not answered within 15 minutes becomes an incident. */
    QUESTION,
    /** R-CMD-5: rotate the response team, every 4 hours by default. */
    FATIGUE_ROTATION,
    /** R-CMD-7: inquiries answered within 15 minutes. */
    INQUIRY_RESPONSE,
    /** R-DOC-2: the document is updated at least every 2 hours. */
    DOCUMENT_UPDATE,
    /** R-SEC-1: the security incident form reaches the IT service desk within 1 hour. */
    SECURITY_FORM,
    /** R-SEC-3: leadership updates, SEV1 every 4 hours, SEV2 daily. */
    LEADERSHIP_UPDATE,
    /** R-CLS-1: the objection window after a close proposal. */
    CLOSE_OBJECTION_WINDOW,
    /** R-PM-2: the root cause analysis within one business day of closing. */
    ROOT_CAUSE_ANALYSIS
}

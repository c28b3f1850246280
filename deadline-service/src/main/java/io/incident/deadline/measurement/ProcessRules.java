package io.incident.deadline.measurement;

import io.incident.events.DeadlineKind;

/** The rule of PROCESS.md each clock holds the team to, so compliance reads in the process's own terms. */
public final class ProcessRules {

    private ProcessRules() {
    }

    public static String ruleOf(DeadlineKind kind) {
        return switch (kind) {
            case ACKNOWLEDGE -> "R-ACK-2";
            case TRIAGE -> "R-ACK-3";
            case QUESTION -> "R-REP-7";
            case FATIGUE_ROTATION -> "R-CMD-5";
            case INQUIRY_RESPONSE -> "R-CMD-7";
            case DOCUMENT_UPDATE -> "R-DOC-2";
            case SECURITY_FORM -> "R-SEC-1";
            case LEADERSHIP_UPDATE -> "R-SEC-3";
            case CLOSE_OBJECTION_WINDOW -> "R-CLS-1";
            case ROOT_CAUSE_ANALYSIS -> "R-PM-2";
        };
    }

    /**
     * Whether a clock of this kind ending by its due time is the team doing what the rule asks. The objection
     * window is the exception: it running out is the expected outcome (nobody objected), not a miss, so it has no
     * compliance figure.
     */
    public static boolean measuresCompliance(DeadlineKind kind) {
        return kind != DeadlineKind.CLOSE_OBJECTION_WINDOW;
    }
}

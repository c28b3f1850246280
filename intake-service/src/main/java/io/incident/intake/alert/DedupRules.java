package io.incident.intake.alert;

import java.util.UUID;

/**
 * De-duplication of alerts (R-REP-5): events with one dedup key on one integration are about one problem.
 * Pure: the decision is a function of the event's action, what the key currently points at, and what a repeated
 * trigger means for the tool that sent it.
 */
public final class DedupRules {

    private DedupRules() {
    }

    /** What a dedup key points at: the incident it keeps open, if any, and whether a tool acknowledged it. */
    public record KeyState(UUID openIncident, boolean acknowledged) {
        public static final KeyState NONE = new KeyState(null, false);

        public boolean open() {
            return openIncident != null;
        }
    }

    public enum Outcome {
        /** A new problem: open an incident. */
        OPEN,
        /** The same problem again: attach the report to the open incident. */
        ATTACH,
        ACKNOWLEDGE,
        RESOLVE,
        /** Nothing open to apply it to: accepted and dropped, as PagerDuty does. */
        DROP
    }

    public record Decision(Outcome outcome, UUID incidentId) {
    }

    /** What a second trigger for a key that is still open means. */
    public enum Repeats {
        /** PagerDuty, generic webhooks: the tool saw the problem again; attach the new report. */
        ATTACH,
        /**
         * Alertmanager and Grafana resend every firing alert of a group on each notification (group_interval,
         * repeat_interval): a repeat is the same report again, and is dropped so a resend changes nothing.
         */
        ARE_RESENDS
    }

    public static Decision decide(EventAction action, KeyState state) {
        return decide(action, state, Repeats.ATTACH);
    }

    public static Decision decide(EventAction action, KeyState state, Repeats repeats) {
        if (action == EventAction.TRIGGER && state.open() && repeats == Repeats.ARE_RESENDS) {
            return new Decision(Outcome.DROP, null);
        }
        return switch (action) {
            case TRIGGER -> state.open() ? new Decision(Outcome.ATTACH, state.openIncident())
                    : new Decision(Outcome.OPEN, null);
            // A second acknowledge changes nothing in PagerDuty, so it asks the commander for nothing new either.
            case ACKNOWLEDGE -> state.open() && !state.acknowledged()
                    ? new Decision(Outcome.ACKNOWLEDGE, state.openIncident()) : new Decision(Outcome.DROP, null);
            case RESOLVE -> state.open() ? new Decision(Outcome.RESOLVE, state.openIncident())
                    : new Decision(Outcome.DROP, null);
        };
    }
}

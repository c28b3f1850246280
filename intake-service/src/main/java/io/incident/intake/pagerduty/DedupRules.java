package io.incident.intake.pagerduty;

import java.util.UUID;

/**
 * PagerDuty's de-duplication (R-REP-5): events with one dedup key on one integration are about one problem.
 * Pure: the decision is a function of the event's action and what the key currently points at.
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

    public static Decision decide(EventAction action, KeyState state) {
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

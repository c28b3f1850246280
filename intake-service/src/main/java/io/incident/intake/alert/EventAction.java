package io.incident.intake.alert;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an alert asks for, on any channel. Spelled as PagerDuty's {@code event_action}, which the generic webhook
 * uses too; Alertmanager's firing and resolved map to trigger and resolve.
 */
public enum EventAction {
    TRIGGER("trigger"), ACKNOWLEDGE("acknowledge"), RESOLVE("resolve");

    private final String wire;

    EventAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Exact match only: PagerDuty does not accept {@code TRIGGER} either. */
    public static Optional<EventAction> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(value)).findFirst();
    }
}

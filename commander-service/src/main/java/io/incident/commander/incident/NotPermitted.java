package io.incident.commander.incident;

/** The actor may not take this action on this incident (not paged, not the IC); answered as 403. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}

package io.incident.commander.incident;

/** An action the incident's current state does not allow; answered as 409 naming the state and the IC. */
public class LifecycleConflict extends RuntimeException {

    private final Incident.State state;
    private final String commander;

    public LifecycleConflict(Incident incident, String message) {
        super(message);
        this.state = incident.state;
        this.commander = incident.commander;
    }

    public Incident.State state() {
        return state;
    }

    public String commander() {
        return commander;
    }
}

package io.incident.intake.idempotency;

/** The requests that honour an {@code Idempotency-Key}; a key names a request on one of them only. */
public enum IdempotentEndpoint {
    REPORTS("POST /reports"),
    QUESTIONS("POST /questions");

    private final String stored;

    IdempotentEndpoint(String stored) {
        this.stored = stored;
    }

    /** How the endpoint is written in {@code idempotency_key.endpoint}. */
    public String stored() {
        return stored;
    }
}

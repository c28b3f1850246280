package io.incident.events;

/**
 * One entry of the catalogue: the record class, its CloudEvents {@code type} and the topic it travels on.
 * The version suffix changes only when a change would break a consumer; adding an optional field does not.
 */
public record EventType(Class<? extends IncidentEvent> recordClass, String type, String topic) {

    public String simpleName() {
        return recordClass.getSimpleName();
    }
}

package io.incident.notification.channel;

/** A send that did not succeed; {@code permanent} when a retry would fail the same way (bad address, 4xx). */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public static DeliveryException permanent(String reason) {
        return new DeliveryException(reason, true, null);
    }

    public static DeliveryException transientFailure(String reason, Throwable cause) {
        return new DeliveryException(reason, false, cause);
    }

    public boolean permanent() {
        return permanent;
    }
}

package io.incident.notification.delivery;

/** PENDING until sent; FAILED is the dead-letter list (permanent error, or out of attempts). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}

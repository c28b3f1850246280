package io.incident.events;

/** One output topic per producing service. Record key: the incident id. */
public final class Topics {
    public static final String REPORTS = "incident.reports";
    public static final String LIFECYCLE = "incident.lifecycle";
    public static final String DEADLINES = "incident.deadlines";
    public static final String NOTIFICATIONS = "incident.notifications";
    public static final String DOCUMENTS = "incident.documents";

    private Topics() {
    }

    /** The topic an event belongs on, fixed by the family it implements. */
    public static String of(IncidentEvent event) {
        return of(event.getClass());
    }

    public static String of(Class<? extends IncidentEvent> type) {
        if (ReportEvent.class.isAssignableFrom(type)) {
            return REPORTS;
        } else if (LifecycleEvent.class.isAssignableFrom(type)) {
            return LIFECYCLE;
        } else if (DeadlineEvent.class.isAssignableFrom(type)) {
            return DEADLINES;
        } else if (NotificationEvent.class.isAssignableFrom(type)) {
            return NOTIFICATIONS;
        } else if (DocumentEvent.class.isAssignableFrom(type)) {
            return DOCUMENTS;
        }
        throw new IllegalArgumentException("No topic for " + type.getName());
    }
}

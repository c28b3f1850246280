package io.incident.events.contract;

import io.incident.events.AcknowledgeRequested;
import io.incident.events.BlockerRaised;
import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.DeadlineMet;
import io.incident.events.DeadlineScheduled;
import io.incident.events.DeadlineWarned;
import io.incident.events.DocumentCreated;
import io.incident.events.DocumentUpdated;
import io.incident.events.HandOffDisputed;
import io.incident.events.HandOffProposed;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.NotificationChannel;
import io.incident.events.NotificationDelivered;
import io.incident.events.NotificationFailed;
import io.incident.events.PostmortemPublished;
import io.incident.events.QuestionAnswered;
import io.incident.events.QuestionAsked;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.events.ResolveRequested;
import io.incident.events.RootCauseAnalysisCompleted;
import io.incident.events.SecurityFormFiled;
import io.incident.events.Severity;
import io.incident.events.SeverityChanged;
import io.incident.events.TicketRecorded;
import io.incident.events.TriageDecision;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One canonical instance of every event, written out by hand. They are deliberately not built by reflection: the
 * pinned fixtures are compared with these, so a renamed or retyped record component has to break a compile or a
 * test here instead of silently flowing into a new wire format.
 *
 * <p>All values are invented: people appear as opaque ids (events carry no personal data), links point at
 * example.org.
 */
public final class EventSamples {

    /** One incident id for every sample: it is also the record key and {@code ce_subject} of each. */
    public static final UUID INCIDENT = UUID.fromString("0b6f3c2e-6a1d-4f4e-9c53-2f7d8e1a4b01");
    static final UUID REPORT = UUID.fromString("5a1e9d7c-3b2f-4c8a-8e61-7d4b2a9c0f02");
    static final UUID FOLLOW_UP_REPORT = UUID.fromString("5a1e9d7c-3b2f-4c8a-8e61-7d4b2a9c0f03");
    static final UUID DEADLINE = UUID.fromString("c4d2b8a6-1e3f-4a5b-9c7d-8e9f0a1b2c04");
    static final UUID NOTIFICATION = UUID.fromString("e7f1a3b5-9d2c-4e6f-8a0b-1c3d5e7f9a05");
    static final UUID DOCUMENT = UUID.fromString("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c06");
    static final UUID QUESTION = UUID.fromString("7c5e3a1f-8b2d-4f6a-9e0c-3d5f7a9b1c08");
    static final UUID POSTMORTEM = UUID.fromString("2d4f6a8c-0e1b-4d3f-a5c7-e9f1b3d5a707");

    /** The moment the incident was reported; every other time is an offset from it. */
    public static final Instant T0 = Instant.parse("2026-03-01T09:15:00Z");

    private static final Map<Class<? extends IncidentEvent>, IncidentEvent> SAMPLES = new LinkedHashMap<>();

    static {
        // incident.reports
        add(new IncidentReported(INCIDENT, REPORT, "payments",
                "Checkout returns HTTP 502 for all card payments",
                "Since 09:10 every card payment on the checkout page fails with a 502 from the payment gateway.",
                ReportChannel.ALERTMANAGER, Severity.SEV2, true, true, false,
                "alertmanager:checkout-5xx-rate",
                "person-4f1c",
                List.of("https://grafana.example.org/d/checkout/latency", "https://status.example.org/checkout"),
                List.of("no reproduction steps"),
                T0));
        add(new ReportAttached(INCIDENT, FOLLOW_UP_REPORT, ReportChannel.EMAIL,
                "Re: Checkout returns HTTP 502 for all card payments", "person-8d2e", at("09:18:00"), 1,
                at("09:18:00"), List.of("https://logs.example.org/search?q=checkout+502")));
        add(new AcknowledgeRequested(INCIDENT, REPORT, ReportChannel.PAGERDUTY, at("09:19:00")));
        add(new ResolveRequested(INCIDENT, REPORT, ReportChannel.ALERTMANAGER, at("10:40:00")));
        // The question that would have become the same incident had nobody answered it (R-REP-7).
        add(new QuestionAsked(INCIDENT, QUESTION, "payments",
                "Card payments in the EU region fail now and then since 08:50. Is this an incident?",
                "person-6b3a", at("09:02:00"), at("09:17:00")));
        add(new QuestionAnswered(INCIDENT, QUESTION, "person-a93b",
                "Yes: the gateway's error rate doubled; treat it as an incident.", true, T0));

        // incident.lifecycle
        // A real incident gets no ticket label, so this sample also pins how an absent optional field is written.
        add(new IncidentTriaged(INCIDENT, TriageDecision.INCIDENT, "person-4f1c", "Gateway 5xx confirmed on all nodes",
                null, at("09:16:00")));
        add(new CommanderPaged(INCIDENT, "payments", "person-a93b", 1, Severity.SEV2, false,
                at("09:21:00"), at("09:16:00")));
        add(new CommanderAcknowledged(INCIDENT, "person-a93b", "payments", at("09:18:30")));
        add(new IncidentEscalated(INCIDENT, 1, 2, "ACKNOWLEDGE_TIMEOUT", at("09:21:00")));
        add(new BlockerRaised(INCIDENT, "person-a93b", "Gateway vendor will not roll back without a contract change",
                at("09:40:00")));
        add(new HandOffProposed(INCIDENT, "person-a93b", "person-c27d", "platform", at("13:10:00")));
        add(new CommandHandedOff(INCIDENT, "person-a93b", "person-c27d", "platform", at("13:15:00")));
        add(new HandOffDisputed(INCIDENT, "payments", "platform", "Both teams claim the gateway is the other's",
                at("13:12:00")));
        add(new SeverityChanged(INCIDENT, Severity.SEV2, Severity.SEV1, "person-a93b",
                "All card payments fail, not only some regions", at("09:30:00")));
        add(new IncidentMitigated(INCIDENT, "person-a93b", at("10:05:00")));
        add(new IncidentResolved(INCIDENT, "person-c27d", at("14:00:00")));
        add(new CloseProposed(INCIDENT, "person-c27d", at("14:30:00"), at("14:15:00")));
        add(new CloseObjected(INCIDENT, "person-8d2e", "Refunds for failed payments are still pending",
                at("14:20:00")));
        add(new IncidentClosed(INCIDENT, "person-c27d", "platform", Severity.SEV1, T0, at("16:00:00")));

        // incident.deadlines
        add(new DeadlineScheduled(INCIDENT, DEADLINE, DeadlineKind.ACKNOWLEDGE, at("09:21:00"), at("09:16:00")));
        add(new DeadlineWarned(INCIDENT, DEADLINE, DeadlineKind.ACKNOWLEDGE, at("09:21:00"), at("09:19:00")));
        add(new DeadlineBreached(INCIDENT, DEADLINE, DeadlineKind.ACKNOWLEDGE, at("09:21:00"), at("09:21:00")));
        add(new DeadlineMet(INCIDENT, DEADLINE, DeadlineKind.DOCUMENT_UPDATE, at("11:20:00"), at("10:50:00")));

        // incident.notifications
        add(new NotificationDelivered(INCIDENT, NOTIFICATION, NotificationChannel.CHAT, "payments-stakeholders",
                "incident-opened", at("09:17:00")));
        add(new NotificationFailed(INCIDENT, NOTIFICATION, NotificationChannel.WEBHOOK, "leadership",
                "leadership-update", "HTTP 503 from https://hooks.example.org/leadership", 5, at("13:30:00")));
        add(new TicketRecorded(INCIDENT, "OPS-1042", "incident", "Checkout returns HTTP 502 for all card payments",
                at("09:17:30")));

        // incident.documents
        add(new DocumentCreated(INCIDENT, DOCUMENT, "INC-2026-0042",
                "https://docs.example.org/incidents/INC-2026-0042", at("09:19:00")));
        add(new DocumentUpdated(INCIDENT, DOCUMENT, 7, "STATUS_UPDATE", at("11:00:00")));
        add(new SecurityFormFiled(INCIDENT, "person-c27d", at("10:00:00")));
        add(new PostmortemPublished(INCIDENT, POSTMORTEM, "https://docs.example.org/postmortems/INC-2026-0042",
                at("16:45:00")));
        add(new RootCauseAnalysisCompleted(INCIDENT, POSTMORTEM, Instant.parse("2026-03-02T11:00:00Z")));
    }

    private EventSamples() {
    }

    /** The sample for a record class, or empty if nobody wrote one yet. */
    public static Optional<IncidentEvent> find(Class<? extends IncidentEvent> recordClass) {
        return Optional.ofNullable(SAMPLES.get(recordClass));
    }

    public static IncidentEvent of(Class<? extends IncidentEvent> recordClass) {
        return find(recordClass).orElseThrow(() -> new IllegalStateException(
                "No sample for " + recordClass.getSimpleName() + ": add one to " + EventSamples.class.getSimpleName()));
    }

    public static Map<Class<? extends IncidentEvent>, IncidentEvent> all() {
        return Collections.unmodifiableMap(SAMPLES);
    }

    private static void add(IncidentEvent sample) {
        if (SAMPLES.put(sample.getClass(), sample) != null) {
            throw new IllegalStateException("Two samples for " + sample.getClass().getSimpleName());
        }
    }

    /** A time on the day of the sample incident. */
    private static Instant at(String timeOfDay) {
        return Instant.parse("2026-03-01T" + timeOfDay + "Z");
    }
}

package io.incident.intake.email;

import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.intake.IntakeConfig;
import io.incident.intake.classification.Classifier;
import io.incident.intake.classification.ReportQuality;
import io.incident.intake.report.Report;
import io.incident.intake.report.ReportRecorder;
import io.incident.runtime.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns an e-mailed report into an incident or attaches it to the open one of its thread (R-REP-2, R-REP-5). The
 * SMTP listener and {@code POST /mail} both come here. The report, its attachments, the thread state and the event
 * commit in one transaction: a mail answered 250 is never lost, and one delivered twice is taken once.
 */
@ApplicationScoped
public class MailIntake {

    private final MailStore store;
    private final ReportRecorder recorder;
    private final Outbox outbox;
    private final Clock clock;
    private final IntakeConfig.Email config;
    private final MailParser.Limits limits;

    public MailIntake(MailStore store, ReportRecorder recorder, Outbox outbox, Clock clock, IntakeConfig config) {
        this.store = store;
        this.recorder = recorder;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config.email();
        this.limits = new MailParser.Limits(this.config.maxAttachmentBytes(), this.config.maxAttachments());
    }

    /**
     * What became of a mail for one team. {@code duplicate}: its Message-ID was taken for this team before; nothing
     * new was written.
     */
    public record Taken(String team, UUID incidentId, UUID reportId, boolean opened, boolean duplicate) {
    }

    public IntakeAddress.Verdict recipient(String address) {
        return IntakeAddress.check(address, config.domain());
    }

    public int maxMessageBytes() {
        return config.maxMessageBytes();
    }

    /**
     * Takes a mail for every team it was accepted for: each team gets its own report and, unless the mail belongs
     * to one of that team's open threads, its own incident, as if each had been sent the mail alone. All of them
     * commit together, so the single SMTP reply is true for every team. Two addresses of one team (with and
     * without a {@code +key}) count once: the first decides.
     *
     * @param envelopeFrom the SMTP {@code MAIL FROM}, used when the message has no From header
     * @param recipients   the intake addresses it was accepted for, in the order given
     */
    @Transactional
    public List<Taken> take(String envelopeFrom, List<IntakeAddress.Recipient> recipients, byte[] raw)
            throws MailParser.Unreadable {
        ParsedMail mail = MailParser.parse(raw, limits);
        Map<String, IntakeAddress.Recipient> byTeam = new TreeMap<>();
        recipients.forEach(r -> byTeam.putIfAbsent(r.team(), r));
        // Team locks in name order, so two mails to the same two teams cannot deadlock.
        byTeam.keySet().forEach(store::lockTeam);
        List<Taken> taken = new ArrayList<>();
        for (IntakeAddress.Recipient recipient : recipients) {
            if (byTeam.remove(recipient.team()) != null) {
                taken.add(takeFor(envelopeFrom, recipient, mail));
            }
        }
        return taken;
    }

    private Taken takeFor(String envelopeFrom, IntakeAddress.Recipient recipient, ParsedMail mail) {
        Instant now = clock.instant();
        String team = recipient.team();
        if (mail.messageId() != null && store.known(mail.messageId(), team)) {
            return new Taken(team, null, null, false, true);
        }
        String subjectKey = MailParser.subjectKey(mail.subject());
        MailThreading.Candidates candidates = new MailThreading.Candidates(
                store.openIncidentOfThread(team, mail.threadIds()),
                recipient.plusKey() == null ? Optional.empty()
                        : store.openIncident(team, "plus_key", recipient.plusKey()),
                store.openIncident(team, "subject_key", subjectKey),
                store.openIncident(team, null, null));
        MailMode mode = config.modes().getOrDefault(team, config.defaultMode());
        Optional<UUID> attachTo = MailThreading.attachTo(mode, candidates);

        Report report = new Report();
        report.id = UUID.randomUUID();
        report.incidentId = attachTo.orElseGet(UUID::randomUUID);
        report.channel = ReportChannel.EMAIL.name();
        report.title = mail.subject().isBlank() ? "(no subject)" : mail.subject();
        report.description = description(mail);
        report.reporter = mail.from() != null ? mail.from() : blankToNull(envelopeFrom);
        report.reporterRef = report.reporter == null ? null : UUID.randomUUID();
        report.receivedAt = now;
        String reporterRef = report.reporterRef == null ? null : report.reporterRef.toString();

        boolean opened = attachTo.isEmpty();
        if (opened) {
            // A person writing to an incident address is likely reporting an incident (R-ACK-2); the generic
            // address is the SI team's (R-REP-2, R-ACK-4).
            Classifier.Classification c = Classifier.classify(
                    new Classifier.Input(ReportChannel.EMAIL, team, null, false));
            List<String> findings = ReportQuality.assess(new ReportQuality.Input(mail.subject(), mail.text(),
                    List.of(), false, mail.recipients()));
            report.team = c.team();
            report.severity = c.severity().name();
            boolean security = recorder.record(report).security();
            store.opened(report.incidentId, team, subjectKey, recipient.plusKey(), now);
            outbox.publish(new IncidentReported(report.incidentId, report.id, report.team, report.title,
                    report.description, ReportChannel.EMAIL, c.severity(), c.likelyIncident(), c.siteWide(),
                    security, recipient.plusKey(), reporterRef, ReportQuality.links(report.description), findings,
                    now));
        } else {
            report.team = team;
            recorder.record(report);
            outbox.publish(new ReportAttached(report.incidentId, report.id, ReportChannel.EMAIL, report.title,
                    reporterRef, now, 1, now, ReportQuality.links(report.description)));
        }
        if (mail.messageId() != null) {
            store.message(mail.messageId(), team, report.incidentId, report.id, now);
        }
        for (ParsedMail.Attachment a : mail.attachments()) {
            store.attachment(report.id, report.incidentId, a, now);
        }
        return new Taken(team, report.incidentId, report.id, opened, false);
    }

    /** The text, and the attachments by name so readers of the document know there is more in intake. */
    private static String description(ParsedMail mail) {
        StringBuilder sb = new StringBuilder(mail.text());
        if (!mail.attachments().isEmpty()) {
            sb.append("\n\nAttachments (kept in intake): ");
            sb.append(String.join(", ", mail.attachments().stream()
                    .map(a -> a.fileName() + " (" + a.contentType() + ", " + a.content().length + " bytes)")
                    .toList()));
        }
        return sb.toString().strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

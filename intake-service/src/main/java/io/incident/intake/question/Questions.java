package io.incident.intake.question;

import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.QuestionAnswered;
import io.incident.events.QuestionAsked;
import io.incident.events.ReportChannel;
import io.incident.intake.classification.Classifier;
import io.incident.intake.classification.ReportQuality;
import io.incident.intake.idempotency.IdempotencyKey;
import io.incident.intake.idempotency.IdempotencyKeys;
import io.incident.intake.idempotency.IdempotentEndpoint;
import io.incident.intake.idempotency.RequestHash;
import io.incident.intake.pii.PiiDetector;
import io.incident.intake.pii.PiiVault;
import io.incident.intake.report.Report;
import io.incident.intake.report.ReportRecorder;
import io.incident.runtime.outbox.Outbox;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * R-REP-7, "when in doubt, it is an incident": a question waits for a responder; an answer "incident" opens the
 * incident at once, an answer "not an incident" ends it, and a question nobody answered in time becomes an incident
 * when the deadline service says its clock ran out. Each change and its events commit together (outbox).
 *
 * <p>The incident a question becomes has the id reserved when it was asked and a report whose id is the question's,
 * so every event about the question and the incident shares one key and one partition, in order.
 */
@ApplicationScoped
public class Questions {

    public static final String CONSUMER = "intake-question-timeouts";

    /** The answer's status to a question asked: created. */
    public static final int CREATED = 201;

    private final QuestionRepository questions;
    private final ReportRecorder recorder;
    private final PiiDetector detector;
    private final PiiVault vault;
    private final IdempotencyKeys keys;
    private final Outbox outbox;
    private final Clock clock;

    public Questions(QuestionRepository questions, ReportRecorder recorder, PiiDetector detector, PiiVault vault,
                     IdempotencyKeys keys, Outbox outbox, Clock clock) {
        this.questions = questions;
        this.recorder = recorder;
        this.detector = detector;
        this.vault = vault;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The question, and, when {@code replayOf} is present, the first answer to its Idempotency-Key: then nothing was
     * asked now and {@code question} is the one asked then, as it stands now.
     */
    public record Asked(Question question, Optional<IdempotencyKeys.Outcome> replayOf) {
    }

    @Transactional
    public Asked ask(NewQuestion request, Optional<IdempotencyKey> key) {
        Instant now = clock.instant();
        UUID questionId = UUID.randomUUID();
        UUID incidentId = UUID.randomUUID();
        // Claimed before the question is checked: an answerBy that was fine when first sent may be in the past by
        // the retry, and the retry must still get the first answer. A question refused below frees the key.
        if (key.isPresent()) {
            Optional<IdempotencyKeys.Outcome> earlier = keys.claim(IdempotentEndpoint.QUESTIONS, key.get(),
                    RequestHash.of(request), new IdempotencyKeys.Outcome(questionId, incidentId, CREATED,
                            URI.create("/questions/" + questionId)));
            if (earlier.isPresent()) {
                return new Asked(questions.findByIdOptional(earlier.get().resourceId())
                        .orElseThrow(() -> notFound(earlier.get().resourceId())), earlier);
            }
        }
        reject("Invalid question", "The question was not accepted: ", QuestionRules.check(request, now));
        Question q = new Question();
        q.id = questionId;
        q.incidentId = incidentId;
        q.team = request.team();
        q.asker = request.contact().strip();
        q.askerRef = UUID.randomUUID();
        q.askedAt = now;
        q.answerBy = QuestionRules.answerBy(request, now);
        q.status = Question.Status.OPEN;
        // R-REP-6: the question goes on the stream, so what it says about people stays in the vault.
        PiiDetector.Scan scan = detector.scan(request.text().strip());
        q.text = scan.redacted();
        q.security = scan.found();
        if (scan.found()) {
            vault.keep(new PiiVault.Original(q.id, q.incidentId, scan.kinds(), null,
                    request.text(), null), now);
        }
        questions.persist(q);
        outbox.publish(new QuestionAsked(q.incidentId, q.id, q.team, q.text, q.askerRef.toString(), q.askedAt,
                q.answerBy));
        return new Asked(q, Optional.empty());
    }

    @Transactional
    public Question answer(UUID id, NewAnswer request, String responder) {
        reject("Invalid answer", "The answer was not accepted: ", QuestionRules.check(request));
        Question q = questions.lock(id).orElseThrow(() -> notFound(id));
        if (q.status != Question.Status.OPEN) {
            throw new ProblemException(409, "Question already settled", settled(q),
                    Map.of("status", q.status.name(), "incidentId", q.incidentId.toString()));
        }
        Instant now = clock.instant();
        q.status = Question.Status.ANSWERED;
        q.answeredBy = responder;
        q.answer = detector.scan(request.answer().strip()).redacted();
        q.answeredIncident = request.incident();
        q.answeredAt = now;
        outbox.publish(new QuestionAnswered(q.incidentId, q.id, responder, q.answer, q.answeredIncident, now));
        if (q.answeredIncident) {
            openIncident(q, now, "Answered by " + responder + ": " + q.answer);
        }
        return q;
    }

    /**
     * R-REP-7: the question's clock ran out. Runs in the receiver's transaction. A breach for a question already
     * answered (the answer came in just after the due time) or already an incident changes nothing, so a redelivered
     * or late breach is harmless.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!(envelope.data() instanceof DeadlineBreached b) || b.kind() != DeadlineKind.QUESTION) {
            return;
        }
        questions.lockByIncident(b.incidentId()).filter(q -> q.status == Question.Status.OPEN).ifPresent(q -> {
            q.status = Question.Status.UNANSWERED_INCIDENT;
            // From the clock's due time, not from when this service heard of it: a lagging consumer opens the same
            // incident with the same acknowledge clock.
            q.becameIncidentAt = b.dueAt();
            openIncident(q, b.dueAt(), "Nobody answered this question by " + b.dueAt()
                    + ", so it is an incident (R-REP-7: when in doubt, it is an incident).");
        });
    }

    /** A report on the REST channel, as if the asker had reported it: a person's report is a likely incident. */
    private void openIncident(Question q, Instant at, String how) {
        Classifier.Classification c = Classifier.classify(new Classifier.Input(ReportChannel.REST, q.team, null,
                false));
        Report report = new Report();
        report.id = q.id;
        report.incidentId = q.incidentId;
        report.team = c.team();
        report.title = QuestionRules.title(q.text);
        report.description = q.text + "\n\n" + how;
        report.channel = ReportChannel.REST.name();
        report.severity = c.severity().name();
        report.reporter = q.asker;
        report.reporterRef = q.askerRef;
        report.receivedAt = at;
        boolean security = recorder.record(report).security() || q.security;
        List<String> findings = ReportQuality.assess(new ReportQuality.Input(report.title, report.description,
                List.of(), false, 1));
        outbox.publish(new IncidentReported(report.incidentId, report.id, report.team, report.title,
                report.description, ReportChannel.REST, c.severity(), c.likelyIncident(), c.siteWide(), security,
                null, report.reporterRef.toString(), ReportQuality.links(report.description), findings,
                report.receivedAt));
    }

    private static String settled(Question q) {
        if (q.status == Question.Status.UNANSWERED_INCIDENT) {
            return "Nobody answered in time, so the question became incident " + q.incidentId + " at "
                    + q.becameIncidentAt + ".";
        }
        return q.answeredBy + " already answered at " + q.answeredAt + (q.answeredIncident
                ? ": it is incident " + q.incidentId + "." : ": not an incident.");
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(Response.Status.NOT_FOUND, "No such question", "There is no question " + id + ".");
    }

    private static void reject(String title, String prefix, List<QuestionRules.Violation> violations) {
        if (!violations.isEmpty()) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("errors", violations);
            throw new ProblemException(400, title, prefix + violations.stream()
                    .map(v -> v.field() + " " + v.reason()).reduce((a, b) -> a + "; " + b).orElse(""), ext);
        }
    }
}

package io.incident.docs.postmortem;

import io.incident.docs.DocsConfig;
import io.incident.docs.access.Actor;
import io.incident.docs.access.DocumentAccess;
import io.incident.docs.document.Document;
import io.incident.docs.document.DocumentRepository;
import io.incident.docs.document.DocumentService;
import io.incident.docs.document.EvidenceRepository;
import io.incident.docs.writing.ActionItemRepository;
import io.incident.events.PostmortemPublished;
import io.incident.events.RootCauseAnalysisCompleted;
import io.incident.runtime.outbox.Outbox;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** R-PM-1..3: writing, checking and publishing the postmortem; R-PM-2: the root cause analysis. */
@ApplicationScoped
public class PostmortemService {

    static final int MAX_SECTION = 20_000;

    private final DocumentAccess access;
    private final DocumentRepository documents;
    private final DocumentService documentService;
    private final ActionItemRepository actionItems;
    private final PostmortemRepository postmortems;
    private final Outbox outbox;
    private final Clock clock;
    private final WritingChecker checker;
    private final EvidenceRepository evidence;

    public PostmortemService(DocumentAccess access, DocumentRepository documents, DocumentService documentService,
                             ActionItemRepository actionItems, PostmortemRepository postmortems, Outbox outbox,
                             Clock clock, DocsConfig config, EvidenceRepository evidence) {
        this.evidence = evidence;
        this.access = access;
        this.documents = documents;
        this.documentService = documentService;
        this.actionItems = actionItems;
        this.postmortems = postmortems;
        this.outbox = outbox;
        this.clock = clock;
        this.checker = new WritingChecker(config.maxReadingGrade());
    }

    @Transactional
    public PostmortemView read(UUID incidentId, Optional<Actor> actor) {
        Document d = access.readable(incidentId, actor);
        return view(d, postmortems.ofDocument(d.id).orElse(null));
    }

    @Transactional
    public PostmortemView update(UUID incidentId, Actor actor, Map<String, String> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "No sections",
                    "Send the sections to change, for example {\"impact\": \"...\"}. Sections: "
                            + PostmortemTemplate.SECTIONS + ".");
        }
        validate(changes);
        Document d = access.writable(incidentId, actor);
        Postmortem pm = stored(d);
        requireDraft(d, pm);
        pm.sections(changes);
        pm.updatedAt = clock.instant();
        documentService.write(d, "postmortem-draft", actor.ref(), actor.ref() + " edited the postmortem ("
                + String.join(", ", changes.keySet()) + ").", documentService.postmortemUrl(d));
        return view(d, pm);
    }

    private static void validate(Map<String, String> changes) {
        for (Map.Entry<String, String> c : changes.entrySet()) {
            if (!PostmortemTemplate.SECTIONS.contains(c.getKey())) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "Unknown section", "'" + c.getKey()
                        + "' is not a postmortem section; sections are " + PostmortemTemplate.SECTIONS + ".");
            }
            if (c.getValue() != null && c.getValue().length() > MAX_SECTION) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "Section too long", c.getKey() + " has "
                        + c.getValue().length() + " characters; at most " + MAX_SECTION + " are kept.");
            }
        }
    }

    /**
     * The findings for the postmortem as it would read with {@code draft}'s sections in place of the stored ones,
     * without saving anything: the editing page asks this while someone types. Reading the postmortem is enough;
     * with no draft the stored text is checked.
     */
    @Transactional
    public List<WritingChecker.Finding> check(UUID incidentId, Optional<Actor> actor, Map<String, String> draft) {
        PostmortemView current = read(incidentId, actor);
        if (draft == null || draft.isEmpty()) {
            return current.findings();
        }
        validate(draft);
        Map<String, String> sections = new LinkedHashMap<>(current.sections());
        draft.forEach((name, text) -> sections.put(name, text == null ? "" : text));
        return checker.check(sections);
    }

    /**
     * Published only with no open finding, or with an explicit override and its reason, which stays on the record
     * and on the timeline.
     */
    @Transactional
    public PostmortemView publish(UUID incidentId, Actor actor, String overrideReason) {
        Document d = access.writable(incidentId, actor);
        Postmortem pm = stored(d);
        requireDraft(d, pm);
        List<WritingChecker.Finding> findings = checker.check(pm.sections());
        boolean override = overrideReason != null && !overrideReason.isBlank();
        if (!findings.isEmpty() && !override) {
            throw new ProblemException(Response.Status.CONFLICT.getStatusCode(), "Postmortem has open findings",
                    findings.size() + " finding(s) of the writing rules (R-PM-3) are open. Fix them, or publish "
                            + "with an override and its reason.", Map.of("findings", findings));
        }
        pm.publishedAt = clock.instant();
        pm.publishedBy = actor.ref();
        pm.overrideReason = findings.isEmpty() ? null : overrideReason.strip();
        String url = documentService.postmortemUrl(d);
        documentService.log(d, "postmortem-published", actor.ref(), actor.ref() + " published the postmortem"
                + (pm.overrideReason == null ? "." : " over " + findings.size() + " finding(s): " + pm.overrideReason),
                url);
        outbox.publish(new PostmortemPublished(d.incidentId, pm.id, url, pm.publishedAt));
        return view(d, pm);
    }

    @Transactional
    public PostmortemView updateRca(UUID incidentId, Actor actor, String problem, String response,
                                    String prevention) {
        Document d = access.writable(incidentId, actor);
        Postmortem pm = stored(d);
        if (pm.rcaCompletedAt != null) {
            throw new ProblemException(Response.Status.CONFLICT, "Root cause analysis already completed",
                    "The root cause analysis of " + d.trackingId + " was completed at " + pm.rcaCompletedAt + ".");
        }
        if (problem != null) {
            pm.rcaProblem = limit("problem", problem);
        }
        if (response != null) {
            pm.rcaResponse = limit("response", response);
        }
        if (prevention != null) {
            pm.rcaPrevention = limit("prevention", prevention);
        }
        pm.updatedAt = clock.instant();
        return view(d, pm);
    }

    /** R-PM-2: what happened, how the team responded and how recurrence is prevented, all three written. */
    @Transactional
    public PostmortemView completeRca(UUID incidentId, Actor actor) {
        Document d = access.writable(incidentId, actor);
        Postmortem pm = stored(d);
        if (pm.rcaCompletedAt != null) {
            throw new ProblemException(Response.Status.CONFLICT, "Root cause analysis already completed",
                    "The root cause analysis of " + d.trackingId + " was completed at " + pm.rcaCompletedAt + ".");
        }
        List<String> missing = new ArrayList<>();
        if (blank(pm.rcaProblem)) {
            missing.add("problem");
        }
        if (blank(pm.rcaResponse)) {
            missing.add("response");
        }
        if (blank(pm.rcaPrevention)) {
            missing.add("prevention");
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(Response.Status.CONFLICT, "Root cause analysis incomplete",
                    "Write " + String.join(", ", missing) + " before publishing the root cause analysis.");
        }
        pm.rcaCompletedAt = clock.instant();
        pm.rcaCompletedBy = actor.ref();
        documentService.log(d, "rca-completed", actor.ref(), actor.ref() + " completed the root cause analysis.",
                documentService.postmortemUrl(d));
        outbox.publish(new RootCauseAnalysisCompleted(d.incidentId, pm.id, pm.rcaCompletedAt));
        return view(d, pm);
    }

    /** The stored postmortem, created from the template the first time someone writes to it. */
    private Postmortem stored(Document d) {
        return postmortems.ofDocument(d.id).orElseGet(() -> {
            Postmortem pm = new Postmortem();
            pm.id = UUID.randomUUID();
            pm.documentId = d.id;
            pm.sections(prefill(d));
            pm.updatedAt = clock.instant();
            postmortems.persist(pm);
            return pm;
        });
    }

    private Map<String, String> prefill(Document d) {
        return PostmortemTemplate.prefill(d.trackingId, d.title, d.statusSummary,
                documents.timeline(d.id).stream().map(e -> new PostmortemTemplate.Entry(e.occurredAt, e.kind, e.text))
                        .toList(),
                actionItems.of(d.id).stream().map(i -> new PostmortemTemplate.Item(i.title, i.ownerRef, i.dueDate,
                        i.ticketLink, i.doneAt != null)).toList());
    }

    private PostmortemView view(Document d, Postmortem pm) {
        Map<String, String> sections = pm == null ? prefill(d) : pm.sections();
        String status = pm == null ? "template" : pm.publishedAt == null ? "draft" : "published";
        PostmortemView.Rca rca = pm == null ? new PostmortemView.Rca(null, null, null, null, null)
                : new PostmortemView.Rca(pm.rcaProblem, pm.rcaResponse, pm.rcaPrevention, pm.rcaCompletedAt,
                pm.rcaCompletedBy);
        return new PostmortemView(d.incidentId, pm == null ? null : pm.id, d.trackingId, d.title, status,
                pm == null ? null : pm.publishedAt, pm == null ? null : pm.publishedBy,
                pm == null ? null : pm.overrideReason, sections, PostmortemView.sectionList(sections),
                checker.check(sections), rca, evidence.of(d.id).stream()
                .map(e -> new PostmortemView.Evidence(e.url, e.label, e.source)).toList(),
                documentService.postmortemUrl(d));
    }

    private static void requireDraft(Document d, Postmortem pm) {
        if (pm.publishedAt != null) {
            throw new ProblemException(Response.Status.CONFLICT, "Postmortem already published",
                    "The postmortem of " + d.trackingId + " was published at " + pm.publishedAt + ".");
        }
    }

    private static String limit(String field, String text) {
        if (text.length() > MAX_SECTION) {
            throw new ProblemException(Response.Status.BAD_REQUEST, field + " too long", field + " has "
                    + text.length() + " characters; at most " + MAX_SECTION + " are kept.");
        }
        return text;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

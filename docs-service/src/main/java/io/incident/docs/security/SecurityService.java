package io.incident.docs.security;

import io.incident.docs.access.Actor;
import io.incident.docs.access.DocumentAccess;
import io.incident.docs.document.Document;
import io.incident.docs.document.DocumentService;
import io.incident.events.SecurityFormFiled;
import io.incident.runtime.outbox.Outbox;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** R-SEC-1, R-SEC-5: the runbook checklist of a security incident and its security incident form. */
@ApplicationScoped
public class SecurityService {

    private final ChecklistRepository checklists;
    private final DocumentAccess access;
    private final DocumentService documents;
    private final Outbox outbox;
    private final Clock clock;

    public SecurityService(ChecklistRepository checklists, DocumentAccess access, DocumentService documents, Outbox outbox, Clock clock) {
        this.checklists = checklists;
        this.access = access;
        this.documents = documents;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every security incident's document starts with the runbook's steps, none ticked. */
    void onOpened(@Observes DocumentService.DocumentOpened opened) {
        Document d = opened.document();
        if (!d.security) {
            return;
        }
        int position = 0;
        for (SecurityChecklist.Step step : SecurityChecklist.STEPS) {
            ChecklistItem item = new ChecklistItem();
            item.id = UUID.randomUUID();
            item.documentId = d.id;
            item.position = ++position;
            item.itemKey = step.key();
            item.label = step.label();
            checklists.persist(item);
        }
    }

    @Transactional
    public List<ChecklistItem> checklist(UUID incidentId, Optional<Actor> actor) {
        Document d = access.readable(incidentId, actor);
        return requireSecurity(d, checklists.of(d.id));
    }

    /** Ticks a step; ticking a ticked step again changes nothing and logs nothing. */
    @Transactional
    public ChecklistItem tick(UUID incidentId, String key, Actor actor) {
        Document d = access.writable(incidentId, actor);
        ChecklistItem item = requireSecurity(d, checklists.of(d.id)).stream().filter(i -> i.itemKey.equals(key))
                .findFirst().orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "No such step",
                        "The security checklist has no step '" + key + "'. Steps: "
                                + SecurityChecklist.STEPS.stream().map(SecurityChecklist.Step::key).toList()));
        if (item.doneAt == null) {
            item.doneAt = clock.instant();
            item.doneBy = actor.ref();
            documents.write(d, "checklist", actor.ref(), actor.ref() + " ticked the security step: " + item.label,
                    null);
        }
        return item;
    }

    /** R-SEC-1: the security incident form goes to the IT service desk once per incident. */
    @Transactional
    public Document fileForm(UUID incidentId, Actor actor, String summary) {
        Document d = access.writable(incidentId, actor);
        if (!d.security) {
            throw notSecurity(d);
        }
        if (d.securityFormFiledAt != null) {
            throw new ProblemException(Response.Status.CONFLICT, "Security form already filed",
                    "The security incident form of " + d.trackingId + " was filed at " + d.securityFormFiledAt + ".");
        }
        d.securityFormFiledAt = clock.instant();
        documents.log(d, "security-form", actor.ref(), actor.ref() + " filed the security incident form"
                + (summary == null || summary.isBlank() ? "." : ": " + summary), null);
        outbox.publish(new SecurityFormFiled(d.incidentId, actor.ref(), d.securityFormFiledAt));
        return d;
    }

    private static <T> T requireSecurity(Document d, T value) {
        if (!d.security) {
            throw notSecurity(d);
        }
        return value;
    }

    private static ProblemException notSecurity(Document d) {
        return new ProblemException(Response.Status.CONFLICT, "Not a security incident",
                d.trackingId + " is not a security incident; the security checklist and form apply only to those.");
    }
}

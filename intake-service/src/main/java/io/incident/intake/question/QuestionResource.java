package io.incident.intake.question;

import io.incident.intake.idempotency.IdempotencyHeader;
import io.incident.intake.idempotency.IdempotencyKey;
import io.incident.runtime.access.Callers;
import io.incident.runtime.access.Public;
import io.incident.runtime.access.Roles;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * R-REP-7: "is this an incident?" Asking needs no account, as reporting does not (R-REP-1); answering needs the
 * responder role, and the answer records who gave it.
 */
@Path("/questions")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionResource {

    private final Questions questions;
    private final QuestionRepository repository;
    private final Callers callers;
    private final String docsUrl;

    public QuestionResource(Questions questions, QuestionRepository repository, Callers callers,
                            @ConfigProperty(name = "incident.urls.docs-service") String docsUrl) {
        this.questions = questions;
        this.callers = callers;
        this.repository = repository;
        this.docsUrl = docsUrl;
    }

    /**
     * A question as the asker and the team see it, without the asker's contact. {@code incidentId} and
     * {@code document} are set once the question is an incident.
     */
    public record QuestionView(UUID questionId, String team, String text, String status, Instant askedAt,
                               Instant answerBy, String answeredBy, String answer, Boolean incident,
                               Instant answeredAt, Instant becameIncidentAt, UUID incidentId, URI document) {
    }

    /**
     * Open to anyone, as reporting is (R-REP-1): someone unsure must not first need an account. With an
     * {@code Idempotency-Key}, asking again answers with the question first asked (as it stands now), marked
     * {@code Idempotent-Replayed: true}.
     */
    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER, required = false,
            schema = @Schema(minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH),
            description = "Optional. 1-200 printable ASCII characters naming this question, e.g. a UUID. The same "
                    + "key with the same body within 24 h answers with the question first asked (with "
                    + "Idempotent-Replayed: true) and asks nothing new; with a different body it is refused with 422.")
    public Response ask(NewQuestion request, @Context HttpHeaders headers) {
        Questions.Asked asked = questions.ask(request, IdempotencyHeader.read(headers));
        Question q = asked.question();
        if (asked.replayOf().isPresent()) {
            return IdempotencyHeader.replay(asked.replayOf().get()).entity(view(q)).build();
        }
        return Response.status(Questions.CREATED).entity(view(q))
                .location(URI.create("/questions/" + q.id)).build();
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuestionView answer(@RestPath UUID id, NewAnswer request) {
        return view(questions.answer(id, request, callers.requireAny(Roles.RESPONDER).ref()));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public QuestionView get(@RestPath UUID id) {
        return view(repository.findByIdOptional(id).orElseThrow(() -> Questions.notFound(id)));
    }

    private QuestionView view(Question q) {
        boolean incident = q.isIncident();
        return new QuestionView(q.id, q.team, q.text, q.status.name(), q.askedAt, q.answerBy, q.answeredBy, q.answer,
                q.answeredIncident, q.answeredAt, q.becameIncidentAt, incident ? q.incidentId : null,
                incident ? URI.create(docsUrl + "/incidents/" + q.incidentId + "/document") : null);
    }
}

package io.incident.docs.postmortem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.docs.access.Actor;
import io.incident.docs.access.Actors;
import io.incident.docs.view.DocumentRendering;
import io.incident.runtime.problem.ProblemException;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/incidents/{incidentId}")
public class PostmortemResource {

    private static final Template HTML = DocumentRendering.htmlPage("postmortem.html");
    private static final Template MD = DocumentRendering.markdownPage("postmortem.md");

    public record PublishRequest(String overrideReason) {
    }

    public record RcaRequest(String problem, String response, String prevention) {
    }

    public record CheckResult(boolean clean, List<WritingChecker.Finding> findings) {
    }

    private static final TypeReference<Map<String, String>> SECTIONS = new TypeReference<>() {
    };

    private final Actors actors;
    private final PostmortemService postmortems;
    private final ObjectMapper json;

    public PostmortemResource(PostmortemService postmortems, Actors actors, ObjectMapper json) {
        this.actors = actors;
        this.postmortems = postmortems;
        this.json = json;
    }

    /** JSON by default; {@code ?format=html} for people and printing, {@code ?format=md} for a wiki. */
    @GET
    @Path("/postmortem")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "text/markdown"})
    public Response read(@RestPath UUID incidentId, @RestQuery String format) {
        String f = format == null ? "json" : format;
        if (!List.of("json", "html", "md").contains(f)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Unknown format",
                    "format must be json, html or md; got '" + format + "'.");
        }
        PostmortemView view = postmortems.read(incidentId, actors.current());
        return switch (f) {
            case "html" -> Response.ok(HTML.data("p", view).render(), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .build();
            case "md" -> Response.ok(MD.data("p", view).render(), "text/markdown;charset=utf-8").build();
            default -> Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    /** Sets the sections sent; the others keep their text. */
    @PUT
    @Path("/postmortem")
    @Produces(MediaType.APPLICATION_JSON)
    public PostmortemView update(@RestPath UUID incidentId, Map<String, String> sections) {
        return postmortems.update(incidentId, actors.required(), sections);
    }

    /**
     * Checks the stored postmortem, or, with a body of sections ({@code {"summary": "..."}}, as for PUT), the text as
     * it would read with them; nothing is saved, so the editing page can ask while someone types.
     */
    @POST
    @Path("/postmortem/check")
    @Produces(MediaType.APPLICATION_JSON)
    public CheckResult check(@RestPath UUID incidentId, String body) {
        Map<String, String> draft = draft(body);
        List<WritingChecker.Finding> findings = postmortems.check(incidentId, actors.current(), draft);
        return new CheckResult(findings.isEmpty(), findings);
    }

    /** Read by hand: a bare {@code POST} with no body and no content type (curl -X POST) checks the stored text. */
    private Map<String, String> draft(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(body, SECTIONS);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Unreadable sections", "Send the sections to "
                    + "check as a JSON object of section name to text, for example {\"impact\": \"...\"}.");
        }
    }

    @POST
    @Path("/postmortem/publish")
    @Produces(MediaType.APPLICATION_JSON)
    public PostmortemView publish(@RestPath UUID incidentId, PublishRequest request) {
        Actor actor = actors.required();
        return postmortems.publish(incidentId, actor, request == null ? null : request.overrideReason());
    }

    @PUT
    @Path("/rca")
    @Produces(MediaType.APPLICATION_JSON)
    public PostmortemView updateRca(@RestPath UUID incidentId, RcaRequest request) {
        Actor actor = actors.required();
        RcaRequest r = request == null ? new RcaRequest(null, null, null) : request;
        return postmortems.updateRca(incidentId, actor, r.problem(), r.response(), r.prevention());
    }

    @POST
    @Path("/rca/publish")
    @Produces(MediaType.APPLICATION_JSON)
    public PostmortemView completeRca(@RestPath UUID incidentId) {
        return postmortems.completeRca(incidentId, actors.required());
    }
}

package io.incident.commander.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.commander.access.Actor;
import io.incident.commander.access.Actors;
import io.incident.commander.config.CommanderSettings;
import io.incident.commander.escalation.Paging;
import io.incident.commander.people.Directory;
import io.incident.events.Severity;
import io.incident.events.TriageDecision;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.UUID;

/**
 * The incident's lifecycle over HTTP. Every action names its actor (see {@link Actors}); the aggregate decides what
 * is allowed. {@code GET /incidents/{id}} answers JSON, or the HTML page with the acknowledge and objection forms.
 */
@Path("/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentCommands commands;
    private final Actors actors;
    private final CommanderSettings settings;
    private final Paging paging;
    private final ObjectMapper json;

    public IncidentResource(IncidentCommands commands, Actors actors, CommanderSettings settings, Paging paging,
                            ObjectMapper json) {
        this.json = json;
        this.commands = commands;
        this.actors = actors;
        this.settings = settings;
        this.paging = paging;
    }

    public record TriageInput(TriageDecision decision, String note) {
    }

    public record AcknowledgeInput(Severity severity) {
    }

    public record SeverityInput(Severity severity, String reason) {
    }

    public record BlockerInput(String summary) {
    }

    public record HandOffInput(String toPersonRef, String toTeam) {
    }

    public record ReasonInput(String reason) {
    }

    public record RouteInput(String team) {
    }

    /** JSON, or for a browser (Accept names text/html) the page linked from pages and close proposals. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response get(@RestPath UUID id, @RestHeader("Accept") String accept) {
        Actor viewer = actors.current().orElse(null);
        if (accept == null || !accept.contains(MediaType.TEXT_HTML)) {
            return Response.ok(commands.view(id, viewer), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(IncidentPage.render(commands.view(id, viewer), viewer == null ? null : viewer.ref()),
                MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
    }

    @POST
    @Path("triage")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView triage(@RestPath UUID id, TriageInput in) {
        Actor actor = actors.require();
        if (in == null || in.decision() == null) {
            throw invalid("Give 'decision': INCIDENT, NOT_AN_INCIDENT or FALSE_POSITIVE.");
        }
        return commands.act(id, actor, (i, now) -> i.triage(actor.ref(), actor.admin(), in.decision(), in.note(), now));
    }

    /** R-ACK-4, R-CMD-8: the SI on-call sends the incident to the team that takes command; that team is paged. */
    @POST
    @Path("route")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView route(@RestPath UUID id, RouteInput in) {
        Actor actor = actors.require();
        if (in == null || in.team() == null || !Directory.SLUG.matcher(in.team()).matches()) {
            throw invalid("Give 'team': the lowercase slug of the team that takes command.");
        }
        return commands.act(id, actor, (i, now) -> {
            i.route(actor.ref(), actor.admin(), in.team(), now);
            return paging.pageFirstLevel(i, now);
        });
    }

    @POST
    @Path("acknowledge")
    @Consumes(MediaType.WILDCARD)
    public IncidentView acknowledge(@RestPath UUID id, String body) {
        Actor actor = actors.require();
        AcknowledgeInput in = optionalBody(body, AcknowledgeInput.class);
        Severity declared = in == null ? null : in.severity();
        return commands.act(id, actor, (i, now) -> i.acknowledge(actor.ref(), actor.team(), declared, now));
    }

    @POST
    @Path("severity")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView severity(@RestPath UUID id, SeverityInput in) {
        Actor actor = actors.require();
        if (in == null || in.severity() == null) {
            throw invalid("Give 'severity': SEV1 (worst) to SEV4, and a 'reason'.");
        }
        return commands.act(id, actor,
                (i, now) -> i.changeSeverity(actor.ref(), actor.admin(), in.severity(), in.reason(), now));
    }

    @POST
    @Path("blockers")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView blocker(@RestPath UUID id, BlockerInput in) {
        Actor actor = actors.require();
        if (in == null || in.summary() == null || in.summary().isBlank()) {
            throw invalid("Give 'summary': what blocks the response.");
        }
        return commands.act(id, actor, (i, now) -> i.raiseBlocker(actor.ref(), actor.admin(), in.summary(), now));
    }

    @POST
    @Path("mitigate")
    public IncidentView mitigate(@RestPath UUID id) {
        Actor actor = actors.require();
        return commands.act(id, actor, (i, now) -> i.mitigate(actor.ref(), actor.admin(), now));
    }

    @POST
    @Path("resolve")
    public IncidentView resolve(@RestPath UUID id) {
        Actor actor = actors.require();
        return commands.act(id, actor, (i, now) -> i.resolve(actor.ref(), actor.admin(), now));
    }

    @POST
    @Path("hand-off")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView proposeHandOff(@RestPath UUID id, HandOffInput in) {
        Actor actor = actors.require();
        if (in == null || in.toPersonRef() == null || in.toPersonRef().isBlank()) {
            throw invalid("Give 'toPersonRef' (and 'toTeam') of the proposed new IC.");
        }
        Actor to = actors.named(in.toPersonRef()).orElseThrow(() -> invalid("Nobody is known as "
                + in.toPersonRef() + "."));
        String toTeam = in.toTeam() != null ? in.toTeam() : to.team();
        return commands.act(id, actor,
                (i, now) -> i.proposeHandOff(actor.ref(), actor.admin(), to.ref(), toTeam == null ? i.team : toTeam,
                        now));
    }

    @POST
    @Path("hand-off/accept")
    public IncidentView acceptHandOff(@RestPath UUID id) {
        Actor actor = actors.require();
        return commands.act(id, actor, (i, now) -> i.acceptHandOff(actor.ref(), now));
    }

    @POST
    @Path("hand-off/dispute")
    @Consumes(MediaType.WILDCARD)
    public IncidentView disputeHandOff(@RestPath UUID id, String body) {
        Actor actor = actors.require();
        ReasonInput in = optionalBody(body, ReasonInput.class);
        String reason = in == null || in.reason() == null ? "no agreement on the new IC" : in.reason();
        return commands.act(id, actor, (i, now) -> i.disputeHandOff(actor.ref(), actor.admin(), reason, now));
    }

    @POST
    @Path("close-proposals")
    public IncidentView proposeClose(@RestPath UUID id) {
        Actor actor = actors.require();
        return commands.act(id, actor,
                (i, now) -> i.proposeClose(actor.ref(), actor.admin(), settings.closeObjectionWindow(), now));
    }

    @POST
    @Path("close-objections")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView object(@RestPath UUID id, ReasonInput in) {
        Actor actor = actors.require();
        return commands.act(id, actor, (i, now) -> i.objectToClose(actor.ref(), reason(in), now));
    }

    @POST
    @Path("close")
    public IncidentView close(@RestPath UUID id) {
        Actor actor = actors.require();
        return commands.act(id, actor, (i, now) -> i.close(actor.ref(), actor.admin(), now));
    }

    // The HTML page's forms act as the person signed in by the session cookie; then back to the page.

    @POST
    @Path("forms/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledgeForm(@RestPath UUID id) {
        Actor a = actors.require();
        commands.act(id, a, (i, now) -> i.acknowledge(a.ref(), a.team(), null, now));
        return backToPage(id, a);
    }

    @POST
    @Path("forms/close-objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response objectForm(@RestPath UUID id, @RestForm String reason) {
        Actor a = actors.require();
        commands.act(id, a, (i, now) -> i.objectToClose(a.ref(), reason(new ReasonInput(reason)), now));
        return backToPage(id, a);
    }

    private static Response backToPage(UUID id, Actor actor) {
        return Response.seeOther(URI.create("/incidents/" + id)).build();
    }

    /** A body that may be left out entirely (no content type either): the plain "acknowledge" a page link sends. */
    private <T> T optionalBody(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw invalid("The body is not valid JSON for this action: " + e.getOriginalMessage());
        }
    }

    private static String reason(ReasonInput in) {
        if (in == null || in.reason() == null || in.reason().isBlank()) {
            throw invalid("Give 'reason': why the incident should stay open.");
        }
        return in.reason().trim();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, "Invalid request", detail);
    }
}

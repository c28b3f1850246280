package io.incident.commander.incident;

import io.incident.commander.access.Actor;
import io.incident.commander.access.Actors;
import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.access.ActionLink;
import io.incident.runtime.access.Public;
import io.incident.runtime.problem.ProblemException;
import io.incident.runtime.web.HtmlPage;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static io.incident.runtime.web.HtmlPage.escape;

/**
 * The one-click acknowledge of a page: {@code /incidents/{id}/acknowledge-link/{token}}, the token signed by the
 * notification service for the paged person ({@link ActionLink}). Opening the link (GET) only shows what it will do,
 * because mail scanners and link previews open links too; the button on that page (POST) acknowledges as that
 * person, once: the token's digest is recorded in the acknowledgement's transaction. Public: the token, not a
 * session, says who acts. An expired, used or foreign link says so and points to the incident page.
 */
@Path("/incidents/{id}/acknowledge-link/{token}")
@Public
@Produces(MediaType.TEXT_HTML)
public class AcknowledgeLinkResource {

    static final String ACTION = "acknowledge";

    private final IncidentCommands commands;
    private final Actors actors;
    private final EntityManager em;
    private final RuntimeConfig config;
    private final Clock clock;

    public AcknowledgeLinkResource(IncidentCommands commands, Actors actors, EntityManager em, RuntimeConfig config,
                                   Clock clock) {
        this.commands = commands;
        this.actors = actors;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @GET
    public Response confirm(@RestPath UUID id, @RestPath String token) {
        ActionLink link = verified(id, token);
        return Response.ok(HtmlPage.render("commander-service", "Acknowledge", """
                <p>Acknowledge incident <code>%s</code> and take command as <strong>%s</strong>?</p>
                <form method="post"><button type="submit">Acknowledge and take command</button></form>
                <p class="muted">This link works once, until %s.</p>"""
                .formatted(escape(id), escape(link.person()), escape(link.expiresAt())))).build();
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Response acknowledge(@RestPath UUID id, @RestPath String token) {
        ActionLink link = verified(id, token);
        Actor person = actors.named(link.person()).orElseThrow(() -> refused(403, "Not in the directory",
                link.person() + " is no longer a person of this platform's directory.", id));
        commands.act(id, person, (incident, now) -> {
            int claimed = em.createNativeQuery("""
                            insert into used_action_link (token_digest, incident_id, person, action, used_at)
                            values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                    .setParameter(1, ActionLink.digest(token)).setParameter(2, id).setParameter(3, link.person())
                    .setParameter(4, ACTION).setParameter(5, now).executeUpdate();
            if (claimed == 0) {
                throw refused(410, "Link already used", "This acknowledge link was used already.", id);
            }
            return incident.acknowledge(person.ref(), person.team(), null, now);
        });
        return Response.seeOther(java.net.URI.create("/incidents/" + id)).build();
    }

    private ActionLink verified(UUID id, String token) {
        String secret = config.access().linkSecret().filter(s -> !s.isBlank()).orElseThrow(() ->
                refused(404, "No one-click links here", "This platform does not sign one-click links.", id));
        ActionLink.Verdict verdict = ActionLink.verify(secret, token, clock.instant());
        ActionLink link = verdict.link().orElseThrow(() -> refused(verdict.expired() ? 410 : 403,
                verdict.expired() ? "Link expired" : "Link refused", "This acknowledge link cannot be used: "
                        + verdict.refusal() + ".", id));
        if (!link.incidentId().equals(id) || !ACTION.equals(link.action())) {
            throw refused(403, "Link refused", "This link is for another incident or action.", id);
        }
        return link;
    }

    private static ProblemException refused(int status, String title, String detail, UUID id) {
        return new ProblemException(status, title, detail + " Open the incident page to act: /incidents/" + id,
                Map.of());
    }
}

package io.incident.runtime.access;

import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.problem.ProblemException;
import io.incident.runtime.web.HtmlPage;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;

/**
 * Signing in from a browser: the person pastes the token their identity provider (locally, {@code ./stack token})
 * gave them, and it is kept in the session cookie. The dashboards' forms then act as that person. The cookie is
 * host-wide, so one sign-in covers every service on the same host. A browser sent here from a page it could not see
 * ({@link SignInRedirect}) goes back to that page afterwards.
 */
@Path("/session")
@Public
public class SessionResource {

    private final JWTParser parser;
    private final RuntimeConfig config;
    private final Callers callers;

    public SessionResource(JWTParser parser, RuntimeConfig config, Callers callers) {
        this.parser = parser;
        this.config = config;
        this.callers = callers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("next") String next) {
        String who = callers.current().map(c -> "<p>Signed in as <strong>" + HtmlPage.escape(c.ref())
                + "</strong> (" + HtmlPage.escape(String.join(", ", c.roles())) + ").</p>"
                + "<form method=\"post\" action=\"/session/end\"><button>Sign out</button></form>")
                .orElse("<p class=\"muted\">Not signed in.</p>");
        return HtmlPage.render(config.serviceName(), "Sign in", who + """
                <form method="post" action="/session">
                <input type="hidden" name="next" value="%s">
                <p><label>Token<br><textarea name="token" rows="6" cols="80" required></textarea></label></p>
                <p><button>Sign in</button></p></form>""".formatted(HtmlPage.escape(SignInRedirect.safeNext(next))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @FormParam("next") String next, UriInfo uri) {
        if (token == null || token.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Token missing", "Paste a token into the form.");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token.trim());
        } catch (ParseException e) {
            throw new ProblemException(Response.Status.UNAUTHORIZED, "Token refused",
                    "The token is invalid, expired or not issued for this platform.");
        }
        return Response.seeOther(URI.create(SignInRedirect.safeNext(next))).cookie(SessionCookie.of(token.trim(), secure(uri)))
                .header("X-Signed-In-As", jwt.getName()).build();
    }

    @POST
    @Path("/end")
    public Response signOut(UriInfo uri) {
        return Response.seeOther(URI.create("/session")).cookie(SessionCookie.cleared(secure(uri))).build();
    }

    private static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}

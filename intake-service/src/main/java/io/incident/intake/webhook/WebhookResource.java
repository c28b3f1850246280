package io.incident.intake.webhook;

import io.incident.intake.IntakeConfig;
import io.incident.intake.integration.IntegrationType;
import io.incident.intake.integration.WebhookSignatureHeader;
import io.incident.runtime.access.Public;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Webhook endpoints of monitoring tools. The key goes in the path, for tools that cannot set headers (Alertmanager's
 * {@code url}), or as a bearer token ({@code http_config.authorization}, Grafana's contact point), which keeps it
 * out of access logs. The body is taken as bytes so a signature is checked over exactly what was sent.
 */
@Path("/webhooks")
@Public
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class WebhookResource {

    private static final String BEARER = "bearer ";

    private final WebhookIntake intake;
    private final int maxBodyBytes;

    public WebhookResource(WebhookIntake intake, IntakeConfig config) {
        this.intake = intake;
        this.maxBodyBytes = config.webhook().maxBodyBytes();
    }

    @POST
    @Path("/alertmanager/{key}")
    public Response alertmanager(@RestPath String key, @HeaderParam(WebhookSignatureHeader.NAME) String signature,
                                 byte[] body) {
        return accepted(intake.alertGroup(IntegrationType.ALERTMANAGER, key, signature, checked(body)));
    }

    @POST
    @Path("/alertmanager")
    public Response alertmanagerWithBearer(@HeaderParam(IntegrationKeyHeader.NAME) String authorization,
                                           @HeaderParam(WebhookSignatureHeader.NAME) String signature, byte[] body) {
        return accepted(intake.alertGroup(IntegrationType.ALERTMANAGER, bearer(authorization), signature,
                checked(body)));
    }

    @POST
    @Path("/grafana/{key}")
    public Response grafana(@RestPath String key, @HeaderParam(WebhookSignatureHeader.NAME) String signature,
                            byte[] body) {
        return accepted(intake.alertGroup(IntegrationType.GRAFANA, key, signature, checked(body)));
    }

    @POST
    @Path("/grafana")
    public Response grafanaWithBearer(@HeaderParam(IntegrationKeyHeader.NAME) String authorization,
                                      @HeaderParam(WebhookSignatureHeader.NAME) String signature, byte[] body) {
        return accepted(intake.alertGroup(IntegrationType.GRAFANA, bearer(authorization), signature, checked(body)));
    }

    @POST
    @Path("/generic/{key}")
    public Response generic(@RestPath String key, @HeaderParam(WebhookSignatureHeader.NAME) String signature,
                            byte[] body) {
        return accepted(intake.generic(key, signature, checked(body)));
    }

    @POST
    @Path("/generic")
    public Response genericWithBearer(@HeaderParam(IntegrationKeyHeader.NAME) String authorization,
                                      @HeaderParam(WebhookSignatureHeader.NAME) String signature, byte[] body) {
        return accepted(intake.generic(bearer(authorization), signature, checked(body)));
    }

    /** What a tool gets back: how many of its alerts opened, attached, resolved or were resends. */
    public record Accepted(String status, Map<String, Integer> outcomes, String dedupKey) {
    }

    private static Response accepted(WebhookIntake.Applied applied) {
        Map<String, Integer> outcomes = new TreeMap<>();
        applied.outcomes().forEach((o, n) -> outcomes.put(o.name().toLowerCase(Locale.ROOT), n));
        return Response.accepted(new Accepted("accepted", outcomes, applied.dedupKey())).build();
    }

    private byte[] checked(byte[] body) {
        byte[] b = body == null ? new byte[0] : body;
        if (b.length > maxBodyBytes) {
            throw new ProblemException(413, "Webhook too large", "The body has " + b.length + " bytes; intake "
                    + "accepts at most " + maxBodyBytes + ". Send fewer alerts per request (Alertmanager: "
                    + "max_alerts).", Map.of());
        }
        return b;
    }

    private static String bearer(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }
}

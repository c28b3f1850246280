package io.incident.intake.slack;

import io.incident.intake.IntakeConfig;
import io.incident.runtime.access.Public;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /slack/commands}: Slack's slash command request. Slack signs the raw form body, so the body is read as
 * bytes, verified ({@link SlackSignature}), and only then parsed. Public: the signature, not a token, says who calls.
 */
@Path("/slack")
@Public
public class SlackResource {

    private final SlackCommands commands;
    private final IntakeConfig.Slack config;
    /**
     * Slack stamps requests with its wall-clock time, so the replay window is measured on the wall clock, not on the
     * service's injected clock, which tests move forward.
     */
    private final Clock wallClock = Clock.systemUTC();

    public SlackResource(SlackCommands commands, IntakeConfig config) {
        this.commands = commands;
        this.config = config.slack();
    }

    @POST
    @Path("/commands")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public SlackCommands.Reply command(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                                       @HeaderParam("X-Slack-Signature") String signature, byte[] body) {
        String secret = config.signingSecret().filter(s -> !s.isBlank()).orElseThrow(() ->
                new ProblemException(503, "Slack is not configured", "Set incident.intake.slack.signing-secret to "
                        + "the Slack app's signing secret.", Map.of()));
        byte[] raw = body == null ? new byte[0] : body;
        SlackSignature.refusal(secret, timestamp, signature, raw, wallClock.instant()).ifPresent(reason -> {
            throw new ProblemException(401, "Not signed by Slack", reason + ".", Map.of());
        });
        return commands.handle(form(new String(raw, StandardCharsets.UTF_8)));
    }

    static Map<String, String> form(String body) {
        try {
            return decode(body);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Unreadable form", "The body is not application/x-www-form-urlencoded: "
                    + e.getMessage(), Map.of());
        }
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }
}

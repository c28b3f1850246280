package io.incident.intake.email;

import io.incident.runtime.access.Public;
import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /mail}: a raw RFC 822 message from a mail gateway that cannot speak SMTP to intake. The intake address
 * comes from {@code ?to=}, else from the message's Delivered-To, X-Original-To, To and Cc headers.
 */
@Path("/mail")
@Public
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    private final MailIntake intake;

    public MailResource(MailIntake intake) {
        this.intake = intake;
    }

    /**
     * The first team's outcome at the top level, as for a mail to one team, and every team's in {@code teams}.
     */
    public record Taken(UUID incidentId, UUID reportId, boolean opened, boolean duplicate,
                        List<MailIntake.Taken> teams) {
    }

    @POST
    @Consumes("message/rfc822")
    public Response mail(@RestQuery List<String> to, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length == 0) {
            throw new ProblemException(400, "Empty mail", "Send the raw RFC 822 message as the body.", Map.of());
        }
        if (raw.length > intake.maxMessageBytes()) {
            throw new ProblemException(413, "Mail too large", "The message has " + raw.length + " bytes; intake "
                    + "accepts at most " + intake.maxMessageBytes() + ". Link to large files instead.", Map.of());
        }
        try {
            List<String> candidates = to != null && !to.isEmpty() ? to : MailParser.headerRecipients(raw);
            List<IntakeAddress.Recipient> recipients = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (String address : candidates) {
                IntakeAddress.Verdict verdict = intake.recipient(address);
                verdict.recipient().ifPresentOrElse(recipients::add, () -> refusals.add(verdict.refusal()));
            }
            if (recipients.isEmpty()) {
                throw new ProblemException(422, "No intake address", "The mail is not addressed to an intake "
                        + "address (<team>-incident-report@<domain> or incident-report@<domain>).",
                        Map.of("errors", refusals));
            }
            List<MailIntake.Taken> teams = intake.take(null, recipients, raw);
            MailIntake.Taken first = teams.get(0);
            return Response.accepted(new Taken(first.incidentId(), first.reportId(), first.opened(),
                    first.duplicate(), teams)).build();
        } catch (MailParser.Unreadable e) {
            throw new ProblemException(e.tooLarge() ? 413 : 400, e.tooLarge() ? "Mail too large" : "Unreadable mail",
                    "The mail was not accepted: " + e.getMessage() + ".", Map.of());
        }
    }
}

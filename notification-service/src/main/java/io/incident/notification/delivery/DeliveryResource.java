package io.incident.notification.delivery;

import io.incident.runtime.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The delivery log as JSON; {@code status=FAILED} is the dead-letter list. */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final DeliveryLog log;

    public DeliveryResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    public List<DeliveryView> find(@QueryParam("incident") UUID incident, @QueryParam("status") String status,
                                   @QueryParam("channel") String channel, @QueryParam("template") String template,
                                   @QueryParam("limit") int limit) {
        return log.find(new DeliveryLog.Filter(incident, status, channel, template, limit)).stream()
                .map(DeliveryView::of).toList();
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.RESPONDER)
    public DeliveryView retry(@PathParam("id") UUID id) {
        return DeliveryView.of(log.retryNow(id));
    }

    /** Recipient included: this API is for operators, inside the service's boundary, not an event. */
    public record DeliveryView(UUID id, UUID incidentId, String channel, String audience, String recipient,
                               String template, String subject, String status, int attempts, Instant nextAttemptAt,
                               String lastError, String externalRef, Instant createdAt, Instant sentAt,
                               Instant failedAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.incidentId, d.channel.name(), d.audience, d.recipient, d.template,
                    d.subject, d.status.name(), d.attempts, d.nextAttemptAt, d.lastError, d.externalRef,
                    d.createdAt, d.sentAt, d.failedAt);
        }
    }
}

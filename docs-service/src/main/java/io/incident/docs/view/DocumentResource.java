package io.incident.docs.view;

import io.incident.docs.access.Actors;
import io.incident.docs.document.DocumentChanges;
import io.incident.runtime.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.UUID;

/**
 * Reading the document. Security incidents' documents are readable only by the restricted audience; everyone else
 * gets a 404 (see {@link io.incident.docs.access.DocumentAccess}).
 */
@Path("/incidents/{incidentId}")
public class DocumentResource {

    static final String MARKDOWN = "text/markdown";

    private final Actors actors;
    private final DocumentViews views;
    private final DocumentChanges changes;

    public DocumentResource(DocumentViews views, DocumentChanges changes, Actors actors) {
        this.actors = actors;
        this.views = views;
        this.changes = changes;
    }

    /** JSON by default; HTML for browsers; Markdown on request. {@code ?format=json|html|md} wins over Accept. */
    @GET
    @Path("/document")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MARKDOWN})
    public Response document(@RestPath UUID incidentId, @RestQuery String format, HttpHeaders headers) {
        String chosen = chooseFormat(format, headers);
        DocumentView view = views.read(incidentId, actors.current());
        return switch (chosen) {
            case "html" -> Response.ok(DocumentRendering.html(view), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .build();
            case "md" -> Response.ok(DocumentRendering.markdown(view), MARKDOWN + ";charset=utf-8").build();
            default -> Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    /**
     * Server-sent events for the open document: one with the current revision at once, then one per change. The
     * HTML view listens and re-reads itself.
     */
    @GET
    @Path("/document/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<DocumentChanges.Change> stream(@RestPath UUID incidentId) {
        DocumentView view = views.read(incidentId, actors.current());
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(new DocumentChanges.Change(incidentId, view.revision())),
                changes.of(incidentId));
    }

    /** Proves the timeline's hash chain: {@code ok}, or the first entry where it breaks. */
    @GET
    @Path("/timeline/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public DocumentViews.Verification verify(@RestPath UUID incidentId) {
        return views.verify(incidentId, actors.current());
    }

    static String chooseFormat(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "html", "md", "json" -> format;
                default -> throw new ProblemException(Response.Status.BAD_REQUEST, "Unknown format",
                        "format must be json, html or md; got '" + format + "'.");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                return "json";
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE) && !accepted.isWildcardType()) {
                return "html";
            }
            if (accepted.isCompatible(MediaType.valueOf(MARKDOWN)) && !accepted.isWildcardType()) {
                return "md";
            }
        }
        return "json";
    }
}

package io.incident.docs.document;

import io.incident.runtime.problem.ProblemException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

@Path("/incidents/{incidentId}/document")
public class DocumentResource {

    static final String MARKDOWN = "text/markdown";

    private final DocumentRepository documents;
    private final DocumentService service;

    public DocumentResource(DocumentRepository documents, DocumentService service) {
        this.documents = documents;
        this.service = service;
    }

    /** JSON by default; HTML for browsers; Markdown on request. {@code ?format=json|html|md} wins over Accept. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MARKDOWN})
    @Transactional
    public Response document(@RestPath UUID incidentId, @RestQuery String format, HttpHeaders headers) {
        Document d = documents.forIncident(incidentId).orElseThrow(() -> new ProblemException(
                Response.Status.NOT_FOUND, "No document yet", "There is no document for incident " + incidentId
                + ". If the report was just accepted, its document appears within seconds."));
        DocumentView view = DocumentView.of(d, documents.timeline(d.id), service.url(d));
        return switch (chooseFormat(format, headers)) {
            case "html" -> Response.ok(DocumentRendering.html(view), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
            case "md" -> Response.ok(DocumentRendering.markdown(view), MARKDOWN + ";charset=utf-8").build();
            default -> Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    private static String chooseFormat(String format, HttpHeaders headers) {
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

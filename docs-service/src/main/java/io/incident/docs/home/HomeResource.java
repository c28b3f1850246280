package io.incident.docs.home;

import io.incident.docs.DocsConfig;
import io.incident.docs.access.Actor;
import io.incident.docs.access.Actors;
import io.incident.docs.access.DocumentAccess;
import io.incident.docs.document.Document;
import io.incident.docs.document.DocumentHeader;
import io.incident.docs.document.DocumentRepository;
import io.incident.docs.view.DocumentRendering;
import io.incident.events.Severity;
import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.problem.ProblemException;
import io.quarkus.qute.Template;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The operators' home page: the incidents, open ones first, filtered by team, severity and status, each linking its
 * document and the other services' pages about it. Security incidents show only to their restricted audience.
 */
@Path("/")
public class HomeResource {

    static final List<String> STATUSES = List.of(DocumentHeader.REPORTED, DocumentHeader.ACTIVE,
            DocumentHeader.MITIGATED, DocumentHeader.RESOLVED, DocumentHeader.CLOSING, DocumentHeader.CLOSED,
            DocumentHeader.NOT_AN_INCIDENT, DocumentHeader.FALSE_POSITIVE);
    private static final Template PAGE = DocumentRendering.htmlPage("home.html");

    public record Row(UUID incidentId, String trackingId, String title, String team, String severity, String status,
                      boolean open, boolean security, String commander, Instant updatedAt, String document,
                      String commanderPage, String deadlinesPage) {
    }

    public record Filters(String team, String severity, String status) {
    }

    private final Actors actors;
    private final DocumentRepository documents;
    private final DocumentAccess access;
    private final Map<String, String> urls;
    private final int limit;

    public HomeResource(DocumentRepository documents, DocumentAccess access, RuntimeConfig runtime,
                        DocsConfig config, Actors actors) {
        this.actors = actors;
        this.documents = documents;
        this.access = access;
        this.urls = runtime.urls();
        this.limit = config.homePageLimit();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String home(@RestQuery String team, @RestQuery String severity, @RestQuery String status) {
        Filters filters = new Filters(blankToNull(team), oneOf("severity", severity,
                Arrays.stream(Severity.values()).map(Enum::name).toList()), oneOf("status", status, STATUSES));
        Optional<Actor> actor = actors.current();
        List<Row> rows = documents.list(filters.team(), filters.severity(), filters.status(), limit).stream()
                .filter(d -> access.canRead(d, actor)).map(this::row).toList();
        Map<String, String> services = new LinkedHashMap<>();
        for (String service : List.of("intake-service", "commander-service", "notification-service",
                "deadline-service")) {
            if (urls.get(service) != null) {
                services.put(service.replace("-service", ""), urls.get(service) + "/");
            }
        }
        return PAGE.data("rows", rows).data("filters", filters).data("services", services)
                .data("severities", Arrays.stream(Severity.values()).map(Enum::name).toList())
                .data("statuses", STATUSES).render();
    }

    private Row row(Document d) {
        String commander = urls.get("commander-service");
        String deadline = urls.get("deadline-service");
        return new Row(d.incidentId, d.trackingId, d.title, d.team, d.severity, d.status, d.header().open(),
                d.security, d.commanderRef, d.updatedAt, "/incidents/" + d.incidentId + "/document",
                commander == null ? null : commander + "/incidents/" + d.incidentId,
                deadline == null ? null : deadline + "/incidents/" + d.incidentId + "/deadlines");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        String v = blankToNull(value);
        if (v != null && !Set.copyOf(allowed).contains(v)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Unknown " + name,
                    name + " must be one of " + allowed + "; got '" + v + "'.");
        }
        return v;
    }
}

package io.incident.docs.postmortem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The postmortem as readers see it: {@code status} is {@code template} (nothing saved yet, pre-filled from the
 * document), {@code draft} or {@code published}. Findings are the writing checker's, for the text as it stands.
 */
public record PostmortemView(UUID incidentId, UUID postmortemId, String trackingId, String title, String status,
                             Instant publishedAt, String publishedBy, String overrideReason,
                             Map<String, String> sections, List<Section> sectionList,
                             List<WritingChecker.Finding> findings, Rca rca, List<Evidence> evidence,
                             String url) {

    public record Section(String name, String heading, String text) {
    }

    /** The document's evidence, beside the text, so each conclusion can point at what supports it (R-PM-3). */
    public record Evidence(String link, String text, String source) {
    }

    public record Rca(String problem, String response, String prevention, Instant completedAt, String completedBy) {
    }

    static final Map<String, String> HEADINGS = Map.of("summary", "Summary", "impact", "Impact", "timeline",
            "Timeline", "rootCause", "Root cause", "resolution", "Resolution", "wentWell", "What went well",
            "wentBadly", "What went badly", "actionItems", "Action items");

    static List<Section> sectionList(Map<String, String> sections) {
        return PostmortemTemplate.SECTIONS.stream().map(name -> new Section(name, HEADINGS.get(name),
                sections.get(name) == null ? "" : sections.get(name))).toList();
    }
}

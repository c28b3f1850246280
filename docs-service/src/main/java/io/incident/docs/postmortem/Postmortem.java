package io.incident.docs.postmortem;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** R-PM-1..3: the postmortem of one incident and, with it, the root cause analysis (R-PM-2). */
@Entity
@Table(name = "postmortem")
public class Postmortem {
    @Id
    public UUID id;
    public UUID documentId;
    public String summary;
    public String impact;
    public String timeline;
    public String rootCause;
    public String resolution;
    public String wentWell;
    public String wentBadly;
    public String actionItems;
    public Instant publishedAt;
    public String publishedBy;
    public String overrideReason;
    public String rcaProblem;
    public String rcaResponse;
    public String rcaPrevention;
    public Instant rcaCompletedAt;
    public String rcaCompletedBy;
    public Instant updatedAt;
    @Version
    public long version;

    public Map<String, String> sections() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("summary", summary);
        s.put("impact", impact);
        s.put("timeline", timeline);
        s.put("rootCause", rootCause);
        s.put("resolution", resolution);
        s.put("wentWell", wentWell);
        s.put("wentBadly", wentBadly);
        s.put("actionItems", actionItems);
        return s;
    }

    /** Sets the sections present in {@code changes}; a section left out keeps its text. */
    void sections(Map<String, String> changes) {
        changes.forEach((name, text) -> {
            switch (name) {
                case "summary" -> summary = text;
                case "impact" -> impact = text;
                case "timeline" -> timeline = text;
                case "rootCause" -> rootCause = text;
                case "resolution" -> resolution = text;
                case "wentWell" -> wentWell = text;
                case "wentBadly" -> wentBadly = text;
                case "actionItems" -> actionItems = text;
                default -> throw new IllegalArgumentException("Unknown section " + name);
            }
        });
    }
}

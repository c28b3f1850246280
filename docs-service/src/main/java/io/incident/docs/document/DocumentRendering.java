package io.incident.docs.document;

import io.incident.runtime.web.HtmlPage;

import java.util.List;

import static io.incident.runtime.web.HtmlPage.escape;

/** The document as HTML for people and as Markdown for pasting into a chat or a ticket. */
public final class DocumentRendering {

    private DocumentRendering() {
    }

    public static String html(DocumentView d) {
        String summary = "<p><span class=\"tag\">" + escape(d.trackingId()) + "</span> "
                + "<span class=\"tag\">" + escape(d.severity()) + "</span> team <strong>" + escape(d.team())
                + "</strong>" + (d.security() ? " <span class=\"tag\">security: restricted</span>" : "")
                + " <span class=\"muted\">revision " + d.revision() + ", updated " + escape(d.updatedAt())
                + "</span></p><h2>Timeline</h2>";
        List<List<String>> rows = d.timeline().stream()
                .map(e -> List.of(escape(e.at()), "<span class=\"tag\">" + escape(e.kind()) + "</span>", escape(e.text())))
                .toList();
        return HtmlPage.render("docs-service", d.trackingId() + " " + d.title(),
                summary + HtmlPage.table(List.of("When (UTC)", "What", "Entry"), rows, "Nothing logged yet."));
    }

    public static String markdown(DocumentView d) {
        StringBuilder md = new StringBuilder()
                .append("# ").append(d.trackingId()).append(": ").append(oneLine(d.title())).append("\n\n")
                .append("- Team: ").append(d.team()).append("\n")
                .append("- Severity: ").append(d.severity()).append("\n")
                .append("- Document: ").append(d.url()).append("\n\n")
                .append("## Timeline\n\n")
                .append("| When (UTC) | What | Entry |\n|---|---|---|\n");
        for (DocumentView.Entry e : d.timeline()) {
            md.append("| ").append(e.at()).append(" | ").append(e.kind()).append(" | ")
                    .append(oneLine(e.text()).replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    /** Reported text is untrusted: a line break in it must not start a heading or a table row of its own. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}

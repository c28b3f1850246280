package io.incident.docs.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Qute templates: every part of the document shows, HTML is escaped, Markdown stays one line per entry. */
class DocumentRenderingTest {

    @Test
    @DisplayName("R-DOC-1 the HTML shows header, roles, timeline, decisions, evidence and action items, escaped")
    void html() {
        String html = DocumentRendering.html(DocumentViewFixture.view(false, 3));
        assertThat(html).contains("INC-1001: Disk &lt;b&gt;full&lt;/b&gt;")
                .doesNotContain("<b>full</b>").doesNotContain("<script>x</script>")
                .contains("<dd id=\"status\"><span class=\"tag\">active</span></dd>")
                .contains("<dd id=\"commander\">person-ref-7</dd>")
                .contains("<a href=\"https://meet.example.org/inc-1001\">")
                .contains("Writes fail on db-7.")
                .contains("<ul id=\"decisions\">").contains("<ul id=\"evidence\">")
                .contains("<a href=\"https://grafana.example.org/d/1\">Error graph</a> <span class=\"muted\">"
                        + "(evidence entry, person-ref-7, 2026-03-01T10:01:30Z)</span>")
                .contains("<a href=\"https://prometheus.example.org/graph?g0.expr=up\">prometheus.example.org/graph</a>"
                        + " <span class=\"muted\">(Alertmanager report, 2026-03-01T10:00:00Z)</span>")
                .contains("Add disk alerts").contains("@media print")
                .contains("new EventSource(path + '/stream')")
                .doesNotContain("Security runbook");
    }

    @Test
    @DisplayName("R-SEC-5 a security document shows its runbook checklist with ticked and open steps")
    void securityChecklist() {
        String html = DocumentRendering.html(DocumentViewFixture.view(true, 3));
        assertThat(html).contains("security: restricted").contains("&#9745; Receive the report")
                .contains("&#9744; Open the bridge");
        assertThat(DocumentRendering.markdown(DocumentViewFixture.view(true, 3))).contains("- [x] Receive the report (person-ref-8)")
                .contains("- [ ] Open the bridge");
    }

    @Test
    @DisplayName("R-DOC-1 the Markdown has the header, a timeline table and one line per entry, ready for a wiki")
    void markdown() {
        String md = DocumentRendering.markdown(DocumentViewFixture.view(false, 3));
        assertThat(md).startsWith("# INC-1001: Disk <b>full</b>\n")
                .contains("- Status: active\n").contains("- Incident Commander: person-ref-7\n")
                .contains("| When (UTC) | What | Entry | Who |")
                .contains("| decision | Roll back \\| line one line two | person-ref-7 |")
                .contains("- [prometheus.example.org/graph](<https://prometheus.example.org/graph?g0.expr=up>): "
                        + "Alertmanager report, 2026-03-01T10:00:00Z\n")
                .contains("- [Error graph](<https://grafana.example.org/d/1>): evidence entry, person-ref-7, "
                        + "2026-03-01T10:01:30Z\n")
                .contains("- [ ] Add disk alerts: owner person-ref-3, due 2026-04-01");
    }
}

package io.incident.notification.channel;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailHtmlTest {

    @Test
    @DisplayName("markup in a title or description is escaped text, in the body and in the title element")
    void escapes() {
        String html = MailHtml.of("[Page] SEV1 <script>alert('x')</script> & co",
                "Body with <b>tags</b>, \"quotes\" & 'apostrophes'");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                .contains("Body with &lt;b&gt;tags&lt;/b&gt;, &quot;quotes&quot; &amp; &#39;apostrophes&#39;");
    }

    @Test
    @DisplayName("http(s) links become anchors with the escaped address; other schemes stay text")
    void links() {
        String line = "Graph: http://prometheus.example.org/graph?g0.expr=rate(x[5m])&g0.tab=1. "
                + "Bad: javascript:alert(1) \"><img src=x>";
        String html = MailHtml.linked(line);
        assertThat(html).contains("<a href=\"http://prometheus.example.org/graph?g0.expr=rate(x[5m])&amp;g0.tab=1\">"
                + "http://prometheus.example.org/graph?g0.expr=rate(x[5m])&amp;g0.tab=1</a>. ")
                .contains("javascript:alert(1) &quot;&gt;&lt;img src=x&gt;")
                .doesNotContain("href=\"javascript");
        assertThat(MailHtml.linked("(see https://runbooks.example.org/a)"))
                .isEqualTo("(see <a href=\"https://runbooks.example.org/a\">https://runbooks.example.org/a</a>)");
    }

    @Test
    @DisplayName("paragraphs stay paragraphs and \"- \" lines become a list")
    void structure() {
        String html = MailHtml.of("s", "First line\nsecond line\n\nEvidence:\n- https://a.example.org\n- b\n\nEnd");
        assertThat(html).contains("<p>First line<br>\nsecond line</p>")
                .contains("<p>Evidence:</p>\n<ul>\n<li><a href=\"https://a.example.org\">https://a.example.org</a></li>\n"
                        + "<li>b</li>\n</ul>")
                .contains("<p>End</p>");
    }
}

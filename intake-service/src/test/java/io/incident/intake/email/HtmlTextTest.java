package io.incident.intake.email;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    @Test
    @DisplayName("an HTML-only body becomes text with line breaks, links and decoded entities")
    void toText() {
        String html = "<html><head><style>p{color:red}</style></head><body><p>Checkout fails &amp; refunds hang"
                + "</p><div>Since 09:30&nbsp;UTC<br>See <a href=\"https://grafana.example.org/d/x\">the dashboard"
                + "</a></div><ul><li>card</li><li>wallet</li></ul><script>alert(1)</script>&#x2713; &lt;ok&gt;"
                + "<!-- hidden --></body></html>";
        assertThat(HtmlText.toText(html)).isEqualTo("Checkout fails & refunds hang\n\nSince 09:30 UTC\n"
                + "See the dashboard (https://grafana.example.org/d/x)\n\n- card\n- wallet\n✓ <ok>");
    }

    @Test
    void oddInput() {
        assertThat(HtmlText.toText(null)).isEmpty();
        assertThat(HtmlText.toText("&#99999999999; &bogus;")).isEqualTo("&#99999999999; &bogus;");
    }
}

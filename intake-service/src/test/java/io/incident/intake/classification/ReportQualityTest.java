package io.incident.intake.classification;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportQualityTest {

    private static List<String> codes(List<String> findings) {
        return findings.stream().map(f -> f.substring(0, f.indexOf(':'))).toList();
    }

    @Test
    @DisplayName("R-REP-4 a good report (symptom, start time, evidence) has no findings")
    void goodReport() {
        assertThat(ReportQuality.assess(new ReportQuality.Input("Checkout returns 502 for card payments",
                "Since 14:05 UTC. Errors: https://logs.example.org/search?q=checkout", List.of(), false, 1)))
                .isEmpty();
    }

    @Test
    @DisplayName("R-REP-4 a vague report to many people without evidence or start time gets every finding")
    void badReport() {
        List<String> findings = ReportQuality.assess(new ReportQuality.Input("URGENT: site down!!",
                "Please help, it is not working", List.of(), false, 12));
        assertThat(codes(findings)).containsExactly(ReportQuality.NO_EVIDENCE, ReportQuality.NO_START_TIME,
                ReportQuality.VAGUE_SUBJECT, ReportQuality.MANY_RECIPIENTS);
        assertThat(findings.get(3)).contains("12 people");
    }

    @Test
    @DisplayName("R-REP-4 links and a start time given by the tool count as evidence and start time")
    void toolGivenFacts() {
        assertThat(ReportQuality.assess(new ReportQuality.Input("HighErrorRate on checkout-1", "",
                List.of("https://prometheus.example.org/graph"), true, 1))).isEmpty();
    }

    @Test
    @DisplayName("links written in a person's text are found, without trailing punctuation")
    void linksInText() {
        assertThat(ReportQuality.links("See https://grafana.example.org/d/abc, and (https://logs.example.org/q)."))
                .containsExactly("https://grafana.example.org/d/abc", "https://logs.example.org/q");
    }

    @Test
    void vagueness() {
        assertThat(ReportQuality.vague("Problem")).isTrue();
        assertThat(ReportQuality.vague("Re: urgent issue")).isTrue();
        assertThat(ReportQuality.vague("Payroll export fails")).isFalse();
    }
}

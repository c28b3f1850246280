package io.incident.intake.classification;

import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {

    @Test
    @DisplayName("R-ACK-2 direct reports to incident addresses and the REST API are likely incidents (5 minutes)")
    void directReportsAreLikelyIncidents() {
        for (ReportChannel channel : new ReportChannel[]{ReportChannel.EMAIL, ReportChannel.REST}) {
            var c = Classifier.classify(new Classifier.Input(channel, "payments", Severity.SEV4, false));
            assertThat(c.likelyIncident()).as(channel.name()).isTrue();
            assertThat(c.severity()).isEqualTo(Severity.SEV4);
        }
    }

    @Test
    @DisplayName("R-ACK-2 automated alerts are standard (15 minutes) unless the tool calls them critical")
    void automatedAlertsAreStandard() {
        for (ReportChannel channel : new ReportChannel[]{ReportChannel.PAGERDUTY, ReportChannel.ALERTMANAGER,
                ReportChannel.GRAFANA, ReportChannel.GENERIC_WEBHOOK}) {
            assertThat(Classifier.classify(new Classifier.Input(channel, "payments", Severity.SEV2, false))
                    .likelyIncident()).as(channel.name()).isFalse();
            assertThat(Classifier.classify(new Classifier.Input(channel, "payments", Severity.SEV1, false))
                    .likelyIncident()).as(channel.name()).isTrue();
        }
        assertThat(Classifier.classify(new Classifier.Input(ReportChannel.ALERTMANAGER, "payments", null, false))
                .severity()).as("no stated severity").isEqualTo(Severity.SEV3);
    }

    @Test
    @DisplayName("R-ACK-4 site-wide alerts and reports to the generic address go to the SI team")
    void siteWideGoesToSi() {
        var labelled = Classifier.classify(new Classifier.Input(ReportChannel.ALERTMANAGER, "payments",
                Severity.SEV2, true));
        assertThat(labelled.team()).isEqualTo("si");
        assertThat(labelled.siteWide()).isTrue();
        var generic = Classifier.classify(new Classifier.Input(ReportChannel.EMAIL, "si", null, false));
        assertThat(generic.siteWide()).isTrue();
        assertThat(generic.team()).isEqualTo("si");
        var teamOnly = Classifier.classify(new Classifier.Input(ReportChannel.REST, "payments", null, false));
        assertThat(teamOnly.siteWide()).isFalse();
        assertThat(teamOnly.team()).isEqualTo("payments");
    }
}

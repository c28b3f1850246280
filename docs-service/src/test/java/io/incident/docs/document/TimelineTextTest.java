package io.incident.docs.document;

import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTextTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:18:00Z");

    @Test
    @DisplayName("R-REP-5 a report that counts a storm's repeats says how many and when the last one came")
    void stormRepeatsAreCounted() {
        ReportAttached counted = new ReportAttached(UUID.randomUUID(), UUID.randomUUID(), ReportChannel.PAGERDUTY,
                "Search returns 500", null, AT, 240, AT.plusSeconds(30));
        assertThat(TimelineText.describe(counted, "intake-service")).get()
                .extracting(TimelineText.Line::text).asString()
                .startsWith("240 more alerts of the same problem arrived by")
                .contains("the last at 2026-03-01T09:18:30Z")
                .endsWith(": Search returns 500");

        ReportAttached single = new ReportAttached(UUID.randomUUID(), UUID.randomUUID(), ReportChannel.EMAIL,
                "Re: Search returns 500", "person-1", AT);
        assertThat(TimelineText.describe(single, "intake-service")).get()
                .extracting(TimelineText.Line::text).asString().startsWith("Another report of the same problem");
    }
}

package io.incident.commander.rotation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarTest {

    @Test
    @DisplayName("R-CMD-2 shifts export as an RFC 5545 calendar with UTC times, escaped text and CRLF lines")
    void rendersShifts() {
        String ics = ICalendar.render("payments-primary", "Payments, primary", List.of(
                new Shift("ana", Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"))),
                ref -> "Ana Example; SRE", Instant.parse("2026-03-01T00:00:00.123Z"));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("DTSTART:20260329T070000Z\r\n", "DTEND:20260330T070000Z\r\n",
                "DTSTAMP:20260301T000000Z\r\n", "SUMMARY:On call: Ana Example\\; SRE (Payments\\, primary)\r\n",
                "UID:payments-primary-ana-1774767600@commander-service\r\n");
        assertThat(ics.split("\r\n")).allMatch(line -> line.length() <= 75);
    }
}

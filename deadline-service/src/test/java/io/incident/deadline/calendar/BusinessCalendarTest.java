package io.incident.deadline.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    // 2026-03-06 is a Friday.
    private static final BusinessCalendar UTC = new BusinessCalendar(ZoneOffset.UTC, Set.of());

    @Test
    @DisplayName("R-PM-2 one business day after a Friday afternoon is the Monday afternoon")
    void fridayToMonday() {
        assertThat(UTC.plusBusinessDays(Instant.parse("2026-03-06T15:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-09T15:30:00Z"));
    }

    @Test
    @DisplayName("R-PM-2 one business day after a Tuesday is the Wednesday at the same time")
    void midweek() {
        assertThat(UTC.plusBusinessDays(Instant.parse("2026-03-03T09:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
    }

    @Test
    @DisplayName("R-PM-2 a close on Saturday gets the whole of Monday: due Tuesday at midnight")
    void weekendCloseStartsOnMonday() {
        assertThat(UTC.plusBusinessDays(Instant.parse("2026-03-07T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(UTC.plusBusinessDays(Instant.parse("2026-03-08T23:59:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }

    @Test
    @DisplayName("R-PM-2 a configured holiday on the Monday moves a Friday close to Tuesday")
    void holidayMonday() {
        BusinessCalendar calendar = new BusinessCalendar(ZoneOffset.UTC, Set.of(LocalDate.parse("2026-03-09")));
        assertThat(calendar.plusBusinessDays(Instant.parse("2026-03-06T15:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-10T15:30:00Z"));
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-03-09"))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-03-10"))).isTrue();
    }

    @Test
    @DisplayName("R-PM-2 the weekend is the team's: Friday 23:30 in New York is already Saturday in UTC")
    void teamTimeZone() {
        BusinessCalendar newYork = new BusinessCalendar(ZoneId.of("America/New_York"), Set.of());
        // Friday 2026-03-06 23:30 in New York (UTC-5) is Saturday 04:30 UTC.
        Instant fridayNight = Instant.parse("2026-03-07T04:30:00Z");
        assertThat(newYork.plusBusinessDays(fridayNight, 1))
                .as("Monday 23:30 in New York, which is UTC-4 after the switch to daylight saving time on Sunday")
                .isEqualTo(Instant.parse("2026-03-10T03:30:00Z"));
        assertThat(UTC.plusBusinessDays(fridayNight, 1)).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }

    @Test
    @DisplayName("R-PM-2 several business days skip every weekend between")
    void severalDays() {
        assertThat(UTC.plusBusinessDays(Instant.parse("2026-03-05T12:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(UTC.plusBusinessDays(Instant.parse("2026-03-05T12:00:00Z"), 0))
                .isEqualTo(Instant.parse("2026-03-05T12:00:00Z"));
        assertThatThrownBy(() -> UTC.plusBusinessDays(Instant.EPOCH, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

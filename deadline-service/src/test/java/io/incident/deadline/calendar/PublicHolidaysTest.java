package io.incident.deadline.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicHolidaysTest {

    private static final PublicHolidays US = new PublicHolidays("US");

    @Test
    @DisplayName("US federal holidays come from the library, movable ones included: Thanksgiving 2026 is 26 November")
    void federalHolidays() {
        assertThat(US.isHoliday(LocalDate.of(2026, 11, 26))).as("Thanksgiving, fourth Thursday").isTrue();
        assertThat(US.isHoliday(LocalDate.of(2027, 11, 25))).as("Thanksgiving 2027").isTrue();
        assertThat(US.isHoliday(LocalDate.of(2026, 9, 7))).as("Labor Day, first Monday of September").isTrue();
        assertThat(US.isHoliday(LocalDate.of(2026, 12, 25))).as("Christmas").isTrue();
        assertThat(US.isHoliday(LocalDate.of(2026, 2, 14))).as("an observance is not a day off").isFalse();
        assertThat(US.isHoliday(LocalDate.of(2026, 11, 24))).as("an ordinary Tuesday").isFalse();
    }

    @Test
    @DisplayName("R-PM-2 a holiday on a Saturday is observed on the Friday before: 4 July 2026 is taken on 3 July")
    void observedOnWeekday() {
        assertThat(US.isHoliday(LocalDate.of(2026, 7, 3))).isTrue();
    }

    @Test
    @DisplayName("R-PM-2 the root cause analysis of an incident closed the day before Thanksgiving is due the Friday after")
    void rcaOverThanksgiving() {
        BusinessCalendar calendar = new BusinessCalendar(ZoneOffset.UTC, US);
        Instant wednesday = Instant.parse("2026-11-25T15:00:00Z");
        assertThat(calendar.plusBusinessDays(wednesday, 1)).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
    }

    @Test
    @DisplayName("company days off add to the public calendar")
    void extraDays() {
        Holidays both = US.and(Holidays.of(Set.of(LocalDate.of(2026, 12, 24))));
        assertThat(both.isHoliday(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(both.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(both.isHoliday(LocalDate.of(2026, 12, 23))).isFalse();
    }

    @Test
    @DisplayName("an unknown country code stops the service at start-up with the codes it knows")
    void unknownCountry() {
        assertThatThrownBy(() -> new PublicHolidays("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }
}

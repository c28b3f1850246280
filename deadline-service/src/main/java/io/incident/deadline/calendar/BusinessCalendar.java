package io.incident.deadline.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Which days count as working days (R-PM-2: weekends and holidays do not), in one time zone. Pure: the answer
 * depends only on the arguments and the holidays given at construction.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final Holidays holidays;

    public BusinessCalendar(ZoneId zone, Holidays holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    public BusinessCalendar(ZoneId zone, Set<LocalDate> holidays) {
        this(zone, Holidays.of(holidays));
    }

    /** The same days off, counted where another team works. */
    public BusinessCalendar inZone(ZoneId other) {
        return other.equals(zone) ? this : new BusinessCalendar(other, holidays);
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
    }

    /**
     * The instant {@code days} whole business days after {@code from}: the clock runs only on business days. From
     * Friday 15:00 one business day is Monday 15:00. From a weekend or holiday the count starts when the next business
     * day begins, so from Saturday 10:00 one business day is Tuesday 00:00: the team gets a whole working day.
     */
    public Instant plusBusinessDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Business days to add must not be negative; got " + days);
        }
        ZonedDateTime t = from.atZone(zone);
        if (!isBusinessDay(t.toLocalDate())) {
            t = nextBusinessDay(t.toLocalDate()).atStartOfDay(zone);
        }
        for (int i = 0; i < days; i++) {
            // plusDays keeps the local time of day, also across a daylight-saving change.
            do {
                t = t.plusDays(1);
            } while (!isBusinessDay(t.toLocalDate()));
        }
        return t.toInstant();
    }

    private LocalDate nextBusinessDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public ZoneId zone() {
        return zone;
    }
}

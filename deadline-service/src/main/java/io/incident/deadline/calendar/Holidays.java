package io.incident.deadline.calendar;

import java.time.LocalDate;
import java.util.Set;

/** Which days are days off beyond weekends. */
@FunctionalInterface
public interface Holidays {

    boolean isHoliday(LocalDate day);

    static Holidays none() {
        return day -> false;
    }

    static Holidays of(Set<LocalDate> days) {
        Set<LocalDate> copy = Set.copyOf(days);
        return copy::contains;
    }

    /** A day off in either set. */
    default Holidays and(Holidays other) {
        return day -> isHoliday(day) || other.isHoliday(day);
    }
}

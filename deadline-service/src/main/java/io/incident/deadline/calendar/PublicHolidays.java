package io.incident.deadline.calendar;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A country's official public holidays from the Jollyday library, whose rules are maintained upstream (movable
 * feasts, weekend substitutes) instead of being listed by hand here and going stale every January. A holiday that
 * falls on a weekend counts on the day it is observed: US federal offices close on Friday 3 July when the 4th is a
 * Saturday.
 */
public final class PublicHolidays implements Holidays {

    private final HolidayManager manager;
    private final String[] region;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    /**
     * @param country an ISO 3166 code Jollyday knows ("US", "DE", ...)
     * @param region  optional sub-divisions, e.g. a state code; empty for the country's own holidays only
     */
    public PublicHolidays(String country, String... region) {
        if (!HolidayManager.getSupportedCalendarCodes().contains(country.toLowerCase())
                && !HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase())) {
            throw new IllegalArgumentException("No holiday calendar for country code '" + country + "'; known codes: "
                    + HolidayManager.getSupportedCalendarCodes());
        }
        this.manager = HolidayManager.getInstance(ManagerParameters.create(country));
        this.region = region.clone();
    }

    @Override
    public boolean isHoliday(LocalDate day) {
        return byYear.computeIfAbsent(day.getYear(), this::load).contains(day);
    }

    public Set<LocalDate> in(int year) {
        return byYear.computeIfAbsent(year, this::load);
    }

    private Set<LocalDate> load(int year) {
        // Observances such as Valentine's Day are in the calendars too; only official holidays are days off.
        return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, region).stream()
                .flatMap(h -> Stream.concat(Stream.of(h.getDate()), h.getObservedDate().stream()))
                .collect(Collectors.toUnmodifiableSet());
    }
}

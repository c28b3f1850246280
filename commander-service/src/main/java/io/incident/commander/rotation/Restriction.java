package io.incident.commander.rotation;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * A window of wall-clock time in the schedule's zone when a layer is active, e.g. business hours Monday to Friday
 * 09:00–17:00. A window whose end is not after its start runs past midnight into the next day; {@code days} are
 * the days the window starts on.
 */
public record Restriction(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public Restriction {
        if (days == null || days.isEmpty() || from == null || to == null) {
            throw new IllegalArgumentException("A restriction needs days, from and to");
        }
        days = Set.copyOf(days);
    }

    public boolean covers(LocalDateTime local) {
        LocalTime t = local.toLocalTime();
        if (from.isBefore(to)) {
            return days.contains(local.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
        }
        // Past midnight: the evening part belongs to today's window, the morning part to yesterday's.
        return (days.contains(local.getDayOfWeek()) && !t.isBefore(from))
                || (days.contains(local.getDayOfWeek().minus(1)) && t.isBefore(to));
    }
}

package io.incident.commander.rotation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One layer of a rotation: {@code members} take turns in order from {@code start} (wall-clock time in the schedule's
 * zone; its time of day is the hand-off time for daily and weekly turns). {@code customLength} is the turn for
 * {@link TurnLength#CUSTOM}. {@code end} (optional) is when the layer stops. With restrictions, the layer only
 * covers the times they allow, and is a gap otherwise.
 */
public record Layer(String name, LocalDateTime start, TurnLength turn, Duration customLength, List<String> members,
                    List<Restriction> restrictions, LocalDateTime end) {

    public Layer {
        if (start == null || turn == null) {
            throw new IllegalArgumentException("A layer needs a start and a turn length");
        }
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("A layer needs at least one member");
        }
        if (turn == TurnLength.CUSTOM && (customLength == null || customLength.isNegative() || customLength.isZero())) {
            throw new IllegalArgumentException("A custom turn needs a positive customLength");
        }
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("A layer's end must be after its start");
        }
        members = List.copyOf(members);
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }

    public static Layer of(String name, LocalDateTime start, TurnLength turn, List<String> members) {
        return new Layer(name, start, turn, null, members, List.of(), null);
    }
}

package io.incident.commander.rotation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R-CMD-2: who is on call, as a pure function of the rotation and the instant. */
class OnCallTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static Rotation rotation(ZoneId zone, List<Layer> layers, Override... overrides) {
        return new Rotation(zone, layers, List.of(overrides));
    }

    @Nested
    @DisplayName("turns")
    class Turns {

        private final Layer daily = Layer.of("primary", LocalDateTime.parse("2026-03-02T09:00"), TurnLength.DAILY,
                List.of("ana", "ben", "cleo"));

        @Test
        @DisplayName("R-CMD-2 daily turns hand off at the hand-off time and cycle through the members")
        void dailyTurns() {
            Rotation r = rotation(BERLIN, List.of(daily));
            assertThat(OnCall.at(r, at("2026-03-02T09:00", BERLIN))).containsExactly("ana");
            assertThat(OnCall.at(r, at("2026-03-03T08:59", BERLIN))).containsExactly("ana");
            assertThat(OnCall.at(r, at("2026-03-03T09:00", BERLIN))).containsExactly("ben");
            assertThat(OnCall.at(r, at("2026-03-04T12:00", BERLIN))).containsExactly("cleo");
            assertThat(OnCall.at(r, at("2026-03-05T09:00", BERLIN))).containsExactly("ana");
        }

        @Test
        @DisplayName("R-CMD-2 before a layer starts and after it ends nobody is on call on it")
        void beforeStartAndAfterEnd() {
            Layer ending = new Layer("temp", LocalDateTime.parse("2026-03-02T09:00"), TurnLength.DAILY, null,
                    List.of("ana"), List.of(), LocalDateTime.parse("2026-03-04T09:00"));
            Rotation r = rotation(BERLIN, List.of(ending));
            assertThat(OnCall.at(r, at("2026-03-02T08:59", BERLIN))).isEmpty();
            assertThat(OnCall.at(r, at("2026-03-04T08:59", BERLIN))).containsExactly("ana");
            assertThat(OnCall.at(r, at("2026-03-04T09:00", BERLIN))).isEmpty();
        }

        @Test
        @DisplayName("R-CMD-2 weekly, hourly and custom turns")
        void otherTurnLengths() {
            Rotation weekly = rotation(BERLIN, List.of(Layer.of("w", LocalDateTime.parse("2026-03-02T10:00"),
                    TurnLength.WEEKLY, List.of("ana", "ben"))));
            assertThat(OnCall.at(weekly, at("2026-03-09T09:59", BERLIN))).containsExactly("ana");
            assertThat(OnCall.at(weekly, at("2026-03-09T10:00", BERLIN))).containsExactly("ben");
            assertThat(OnCall.at(weekly, at("2026-03-16T10:00", BERLIN))).containsExactly("ana");

            Rotation hourly = rotation(BERLIN, List.of(Layer.of("h", LocalDateTime.parse("2026-03-02T00:00"),
                    TurnLength.HOURLY, List.of("ana", "ben", "cleo"))));
            assertThat(OnCall.at(hourly, at("2026-03-02T02:30", BERLIN))).containsExactly("cleo");
            assertThat(OnCall.at(hourly, at("2026-03-02T03:00", BERLIN))).containsExactly("ana");

            Rotation custom = rotation(BERLIN, List.of(new Layer("c", LocalDateTime.parse("2026-03-02T08:00"),
                    TurnLength.CUSTOM, Duration.ofHours(12), List.of("ana", "ben"), List.of(), null)));
            assertThat(OnCall.at(custom, at("2026-03-02T19:59", BERLIN))).containsExactly("ana");
            assertThat(OnCall.at(custom, at("2026-03-02T20:00", BERLIN))).containsExactly("ben");
            assertThat(OnCall.at(custom, at("2026-03-03T08:00", BERLIN))).containsExactly("ana");
        }

        @Test
        @DisplayName("a layer without members or a custom turn without a length is refused")
        void invalidLayers() {
            assertThatThrownBy(() -> Layer.of("x", LocalDateTime.parse("2026-03-02T09:00"), TurnLength.DAILY,
                    List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Layer("x", LocalDateTime.parse("2026-03-02T09:00"), TurnLength.CUSTOM,
                    null, List.of("ana"), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("daylight saving")
    class DaylightSaving {

        @Test
        @DisplayName("R-CMD-2 a daily 09:00 hand-off stays at 09:00 local across spring-forward (a 23-hour turn)")
        void springForward() {
            // Europe/Berlin moves from +01:00 to +02:00 on 2026-03-29 at 02:00.
            Rotation r = rotation(BERLIN, List.of(Layer.of("p", LocalDateTime.parse("2026-03-28T09:00"),
                    TurnLength.DAILY, List.of("ana", "ben"))));
            assertThat(OnCall.at(r, at("2026-03-29T08:59", BERLIN))).containsExactly("ana");
            assertThat(OnCall.at(r, at("2026-03-29T09:00", BERLIN))).containsExactly("ben");
            Instant handOff = at("2026-03-29T09:00", BERLIN);
            assertThat(Duration.between(at("2026-03-28T09:00", BERLIN), handOff)).isEqualTo(Duration.ofHours(23));
            assertThat(handOff).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        }

        @Test
        @DisplayName("R-CMD-2 a daily 09:00 hand-off stays at 09:00 local across fall-back (a 25-hour turn)")
        void fallBack() {
            // America/New_York moves from -04:00 to -05:00 on 2026-11-01 at 02:00.
            Rotation r = rotation(NEW_YORK, List.of(Layer.of("p", LocalDateTime.parse("2026-10-31T09:00"),
                    TurnLength.DAILY, List.of("ana", "ben"))));
            assertThat(OnCall.at(r, Instant.parse("2026-11-01T13:59:00Z"))).containsExactly("ana");
            assertThat(OnCall.at(r, Instant.parse("2026-11-01T14:00:00Z"))).containsExactly("ben");
            List<Shift> shifts = OnCall.shifts(r, at("2026-10-31T09:00", NEW_YORK), at("2026-11-02T09:00", NEW_YORK));
            assertThat(shifts).extracting(s -> Duration.between(s.start(), s.end()))
                    .containsExactly(Duration.ofHours(25), Duration.ofHours(24));
        }

        @Test
        @DisplayName("R-CMD-2 a hand-off time inside the spring-forward gap happens when the clocks have jumped")
        void handOffInTheGap() {
            Rotation r = rotation(BERLIN, List.of(Layer.of("p", LocalDateTime.parse("2026-03-28T02:30"),
                    TurnLength.DAILY, List.of("ana", "ben"))));
            // 02:30 does not exist on 2026-03-29; the turn changes at 03:30 local (01:30Z).
            assertThat(OnCall.at(r, Instant.parse("2026-03-29T01:29:00Z"))).containsExactly("ana");
            assertThat(OnCall.at(r, Instant.parse("2026-03-29T01:30:00Z"))).containsExactly("ben");
            assertThat(OnCall.at(r, at("2026-03-30T02:30", BERLIN))).containsExactly("ana");
        }

        @Test
        @DisplayName("R-CMD-2 hourly turns are exact hours, so the repeated hour at fall-back gets its own turn")
        void hourlyAcrossFallBack() {
            Rotation r = rotation(BERLIN, List.of(Layer.of("h", LocalDateTime.parse("2026-10-25T00:00"),
                    TurnLength.HOURLY, List.of("ana", "ben", "cleo", "dan"))));
            // Europe/Berlin repeats 02:00-03:00 on 2026-10-25: 00:00+02 is 22:00Z the day before.
            assertThat(OnCall.at(r, Instant.parse("2026-10-25T00:30:00Z"))).containsExactly("cleo"); // 02:30+02
            assertThat(OnCall.at(r, Instant.parse("2026-10-25T01:30:00Z"))).containsExactly("dan");  // 02:30+01
        }

        @Test
        @DisplayName("R-CMD-2 business-hours restrictions follow local time across a DST change")
        void restrictionAcrossDst() {
            Layer business = new Layer("business", LocalDateTime.parse("2026-03-23T09:00"), TurnLength.WEEKLY, null,
                    List.of("ana"), List.of(new Restriction(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                    null);
            Rotation r = rotation(BERLIN, List.of(business));
            assertThat(OnCall.at(r, Instant.parse("2026-03-27T08:00:00Z"))).containsExactly("ana"); // Fri 09:00+01
            assertThat(OnCall.at(r, Instant.parse("2026-03-30T07:00:00Z"))).containsExactly("ana"); // Mon 09:00+02
            assertThat(OnCall.at(r, Instant.parse("2026-03-30T06:59:00Z"))).isEmpty();
            assertThat(OnCall.at(r, at("2026-03-28T12:00", BERLIN))).as("Saturday").isEmpty();
        }
    }

    @Nested
    @DisplayName("layers and gaps")
    class LayersAndGaps {

        private final Layer always = Layer.of("base", LocalDateTime.parse("2026-03-02T09:00"), TurnLength.WEEKLY,
                List.of("ana", "ben"));
        private final Layer nights = new Layer("nights", LocalDateTime.parse("2026-03-02T09:00"), TurnLength.DAILY,
                null, List.of("night-owl"), List.of(new Restriction(Set.of(DayOfWeek.values()), LocalTime.of(22, 0),
                LocalTime.of(6, 0))), null);

        @Test
        @DisplayName("R-CMD-2 a higher layer wins where it covers; the lower layer fills its gaps")
        void higherLayerWins() {
            Rotation r = rotation(BERLIN, List.of(always, nights));
            assertThat(OnCall.at(r, at("2026-03-03T21:59", BERLIN))).containsExactly("ana");
            assertThat(OnCall.at(r, at("2026-03-03T22:00", BERLIN))).containsExactly("night-owl");
            assertThat(OnCall.at(r, at("2026-03-04T05:59", BERLIN))).as("past midnight").containsExactly("night-owl");
            assertThat(OnCall.at(r, at("2026-03-04T06:00", BERLIN))).containsExactly("ana");
        }

        @Test
        @DisplayName("R-CMD-2 a gap no layer covers has nobody on call")
        void gap() {
            Rotation r = rotation(BERLIN, List.of(nights));
            assertThat(OnCall.at(r, at("2026-03-03T12:00", BERLIN))).isEmpty();
            assertThat(OnCall.at(r, at("2026-03-03T23:00", BERLIN))).containsExactly("night-owl");
        }
    }

    @Nested
    @DisplayName("overrides")
    class Overrides {

        private final Layer base = Layer.of("base", LocalDateTime.parse("2026-03-02T09:00"), TurnLength.DAILY,
                List.of("ana", "ben"));
        private final Instant from = at("2026-03-02T12:00", BERLIN);
        private final Instant to = at("2026-03-02T18:00", BERLIN);
        private final Instant inside = at("2026-03-02T13:00", BERLIN);

        @Test
        @DisplayName("R-CMD-2 REPLACE puts someone in place of the person on call, only during the override")
        void replace() {
            Rotation r = rotation(BERLIN, List.of(base), new Override("o1", Override.Kind.REPLACE, "cleo", "ana",
                    from, to));
            assertThat(OnCall.at(r, inside)).containsExactly("cleo");
            assertThat(OnCall.at(r, to)).containsExactly("ana");
            assertThat(OnCall.at(r, from.minusSeconds(1))).containsExactly("ana");
        }

        @Test
        @DisplayName("R-CMD-2 REPLACE of someone not on call changes nothing; REPLACE of everyone fills a gap")
        void replaceSomeoneElse() {
            Rotation r = rotation(BERLIN, List.of(base), new Override("o1", Override.Kind.REPLACE, "cleo", "ben",
                    from, to));
            assertThat(OnCall.at(r, inside)).containsExactly("ana");
            Rotation empty = rotation(BERLIN, List.of(), new Override("o2", Override.Kind.REPLACE, "cleo", null,
                    from, to));
            assertThat(OnCall.at(empty, inside)).containsExactly("cleo");
        }

        @Test
        @DisplayName("R-CMD-2 ADD pages a second person beside the one on call; REMOVE leaves a gap")
        void addAndRemove() {
            Rotation add = rotation(BERLIN, List.of(base), new Override("o1", Override.Kind.ADD, "cleo", null,
                    from, to));
            assertThat(OnCall.at(add, inside)).containsExactly("ana", "cleo");
            Rotation remove = rotation(BERLIN, List.of(base), new Override("o1", Override.Kind.REMOVE, "ana", null,
                    from, to));
            assertThat(OnCall.at(remove, inside)).isEmpty();
        }

        @Test
        @DisplayName("R-CMD-2 overlapping overrides apply in the order they were made")
        void overlapping() {
            Override replace = new Override("o1", Override.Kind.REPLACE, "cleo", "ana", from, to);
            Override later = new Override("o2", Override.Kind.REPLACE, "dan", "cleo",
                    at("2026-03-02T14:00", BERLIN), at("2026-03-02T20:00", BERLIN));
            Rotation r = rotation(BERLIN, List.of(base), replace, later);
            assertThat(OnCall.at(r, inside)).containsExactly("cleo");
            assertThat(OnCall.at(r, at("2026-03-02T15:00", BERLIN))).containsExactly("dan");
            // Once the first override ends, ana is back and the second one has no one to replace.
            assertThat(OnCall.at(r, at("2026-03-02T19:00", BERLIN))).containsExactly("ana");

            Rotation reversed = rotation(BERLIN, List.of(base), later, replace);
            assertThat(OnCall.at(reversed, at("2026-03-02T15:00", BERLIN))).containsExactly("cleo");
        }

        @Test
        @DisplayName("an override whose end is not after its start is refused")
        void invalidOverride() {
            assertThatThrownBy(() -> new Override("o", Override.Kind.ADD, "cleo", null, to, from))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("shifts")
    class Shifts {

        @Test
        @DisplayName("R-CMD-2 shifts list who is on call when, with overrides cutting into turns")
        void shiftsWithOverride() {
            Layer base = Layer.of("base", LocalDateTime.parse("2026-03-02T09:00"), TurnLength.DAILY,
                    List.of("ana", "ben"));
            Instant from = at("2026-03-02T09:00", BERLIN);
            Rotation r = rotation(BERLIN, List.of(base), new Override("o", Override.Kind.REPLACE, "cleo", "ana",
                    at("2026-03-02T12:00", BERLIN), at("2026-03-02T14:00", BERLIN)));
            List<Shift> shifts = OnCall.shifts(r, from, at("2026-03-04T09:00", BERLIN));
            assertThat(shifts).containsExactly(
                    new Shift("ana", from, at("2026-03-02T12:00", BERLIN)),
                    new Shift("cleo", at("2026-03-02T12:00", BERLIN), at("2026-03-02T14:00", BERLIN)),
                    new Shift("ana", at("2026-03-02T14:00", BERLIN), at("2026-03-03T09:00", BERLIN)),
                    new Shift("ben", at("2026-03-03T09:00", BERLIN), at("2026-03-04T09:00", BERLIN)));
        }

        @Test
        @DisplayName("a single-member layer is one unbroken shift, however many turns pass")
        void mergesContinuousTurns() {
            Rotation r = rotation(BERLIN, List.of(Layer.of("solo", LocalDateTime.parse("2026-03-02T09:00"),
                    TurnLength.HOURLY, List.of("ana"))));
            Instant from = at("2026-03-02T10:15", BERLIN);
            Instant to = ZonedDateTime.of(2026, 3, 5, 10, 0, 0, 0, BERLIN).toInstant();
            assertThat(OnCall.shifts(r, from, to)).containsExactly(new Shift("ana", from, to));
        }
    }
}

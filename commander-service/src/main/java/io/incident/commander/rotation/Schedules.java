package io.incident.commander.rotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.commander.people.Directory;
import io.incident.commander.people.PersonRepository;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored schedules and the questions asked of them: who is on call, and the shifts as a calendar. */
@ApplicationScoped
public class Schedules {

    /** Bounds a calendar export, whatever range a client asks for. */
    static final Duration MAX_CALENDAR = Duration.ofDays(366);

    private final ScheduleRepository schedules;
    private final PersonRepository people;
    private final ObjectMapper json;

    public Schedules(ScheduleRepository schedules, PersonRepository people, ObjectMapper json) {
        this.schedules = schedules;
        this.people = people;
        this.json = json;
    }

    public record ScheduleInput(String team, String name, String timeZone, List<Layer> layers,
                                List<Override> overrides) {
    }

    public record ScheduleView(String id, String team, String name, String timeZone, List<Layer> layers,
                               List<Override> overrides) {
    }

    public record OnCallView(String schedule, Instant at, List<String> onCall) {
    }

    @Transactional
    public ScheduleView put(String id, ScheduleInput in) {
        if (id == null || !Directory.SLUG.matcher(id).matches()) {
            throw invalid("A schedule id is a lowercase slug such as payments-primary.");
        }
        if (in == null || in.team() == null || !Directory.SLUG.matcher(in.team()).matches()) {
            throw invalid("'team' must be a lowercase slug such as payments.");
        }
        ZoneId zone = zone(in.timeZone());
        if (in.layers() == null || in.layers().isEmpty()) {
            throw invalid("A schedule needs at least one layer.");
        }
        Schedule s = schedules.findById(id);
        boolean fresh = s == null;
        if (fresh) {
            s = new Schedule();
            s.id = id;
        }
        s.team = in.team();
        s.name = in.name() == null || in.name().isBlank() ? id : in.name();
        s.timeZone = zone.getId();
        s.definition = write(new ScheduleDefinition(in.layers(), withIds(in.overrides())));
        if (fresh) {
            schedules.persist(s);
        }
        return view(s);
    }

    @Transactional
    public ScheduleView get(String id) {
        return view(find(id));
    }

    @Transactional
    public List<ScheduleView> list() {
        return schedules.listAll().stream().map(this::view).sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    @Transactional
    public void delete(String id) {
        if (!schedules.deleteById(id)) {
            throw notFound(id);
        }
    }

    @Transactional
    public ScheduleView addOverride(String id, Override o) {
        if (o == null) {
            throw invalid("Give the override as JSON: kind, personRef, replaces, from, to.");
        }
        Schedule s = find(id);
        ScheduleDefinition d = read(s);
        List<Override> overrides = new ArrayList<>(d.overrides());
        overrides.addAll(withIds(List.of(o)));
        s.definition = write(new ScheduleDefinition(d.layers(), overrides));
        return view(s);
    }

    @Transactional
    public ScheduleView removeOverride(String id, String overrideId) {
        Schedule s = find(id);
        ScheduleDefinition d = read(s);
        List<Override> overrides = new ArrayList<>(d.overrides());
        if (!overrides.removeIf(o -> o.id().equals(overrideId))) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No such override",
                    "Schedule " + id + " has no override " + overrideId + ".");
        }
        s.definition = write(new ScheduleDefinition(d.layers(), overrides));
        return view(s);
    }

    @Transactional
    public OnCallView onCall(String id, Instant at) {
        return new OnCallView(id, at, OnCall.at(rotation(find(id)), at));
    }

    /** Who is on call on a schedule now, or nobody when there is no such schedule. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> onCallIfExists(String id, Instant at) {
        return Optional.ofNullable(schedules.findById(id)).map(s -> OnCall.at(rotation(s), at)).orElse(List.of());
    }

    @Transactional
    public String calendar(String id, Instant from, Duration length, String person, Instant now) {
        if (length.isNegative() || length.isZero() || length.compareTo(MAX_CALENDAR) > 0) {
            throw invalid("A calendar covers between one day and " + MAX_CALENDAR.toDays() + " days.");
        }
        Schedule s = find(id);
        List<Shift> shifts = OnCall.shifts(rotation(s), from, from.plus(length)).stream()
                .filter(shift -> person == null || shift.personRef().equals(person)).toList();
        return ICalendar.render(s.id, s.name, shifts, ref -> Optional.ofNullable(people.findById(ref))
                .map(p -> p.name).orElse(ref), now);
    }

    public Rotation rotation(Schedule s) {
        ScheduleDefinition d = read(s);
        return new Rotation(ZoneId.of(s.timeZone), d.layers(), d.overrides());
    }

    private Schedule find(String id) {
        Schedule s = schedules.findById(id);
        if (s == null) {
            throw notFound(id);
        }
        return s;
    }

    private ScheduleView view(Schedule s) {
        ScheduleDefinition d = read(s);
        return new ScheduleView(s.id, s.team, s.name, s.timeZone, d.layers(), d.overrides());
    }

    private static List<Override> withIds(List<Override> overrides) {
        if (overrides == null) {
            return List.of();
        }
        return overrides.stream().map(o -> o.id() != null && !o.id().isBlank() ? o
                : new Override(UUID.randomUUID().toString(), o.kind(), o.personRef(), o.replaces(), o.from(), o.to()))
                .toList();
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone == null ? "UTC" : zone);
        } catch (DateTimeException e) {
            throw invalid("'timeZone' " + zone + " is not a time zone such as Europe/Berlin.");
        }
    }

    private ScheduleDefinition read(Schedule s) {
        try {
            return json.readValue(s.definition, ScheduleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Schedule " + s.id + " holds a definition this build cannot read", e);
        }
    }

    private String write(ScheduleDefinition d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a schedule definition", e);
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Response.Status.NOT_FOUND, "No such schedule", "No schedule is named " + id + ".");
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, "Invalid schedule", detail);
    }
}

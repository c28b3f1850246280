package io.incident.commander.people;

import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** People, teams and who holds the process's roles. */
@ApplicationScoped
public class Directory {

    /** Agreement 10: team names are lowercase slugs. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> ACCESS_ROLES = Set.of(Person.ADMIN, Person.SECURITY);

    private final PersonRepository people;
    private final TeamRepository teams;

    public Directory(PersonRepository people, TeamRepository teams) {
        this.people = people;
        this.teams = teams;
    }

    public record PersonInput(String name, String email, String chatHandle, String phone, String timeZone,
                              String team, List<String> roles) {
    }

    public record PersonView(String ref, String name, String email, String chatHandle, String phone, String timeZone,
                             String team, Set<String> roles) {
        static PersonView of(Person p) {
            return new PersonView(p.ref, p.name, p.email, p.chatHandle, p.phone, p.timeZone, p.team, p.roles);
        }
    }

    public record TeamInput(Map<String, List<String>> roles) {
    }

    public record TeamView(String name, Map<String, List<String>> roles) {
    }

    @Transactional
    public PersonView person(String ref) {
        Person p = people.findById(ref);
        if (p == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No such person", "Nobody is known as " + ref + ".");
        }
        return PersonView.of(p);
    }

    @Transactional
    public List<PersonView> people() {
        return people.listAll().stream().map(PersonView::of).sorted((a, b) -> a.ref().compareTo(b.ref())).toList();
    }

    @Transactional
    public PersonView putPerson(String ref, PersonInput in) {
        if (ref == null || !Pattern.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}", ref)) {
            throw invalid("Invalid person", "A person reference is letters, digits, '.', '_', '-' or '@'.");
        }
        if (in == null || in.name() == null || in.name().isBlank()) {
            throw invalid("Invalid person", "'name' is required.");
        }
        if (in.email() != null && !in.email().matches("[^@\\s]+@[^@\\s]+")) {
            throw invalid("Invalid person", "'email' is not an e-mail address.");
        }
        String zone = in.timeZone() == null ? "UTC" : in.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw invalid("Invalid person", "'timeZone' " + zone + " is not a time zone such as Europe/Berlin.");
        }
        if (in.team() != null && !SLUG.matcher(in.team()).matches()) {
            throw invalid("Invalid person", "'team' must be a lowercase slug such as payments.");
        }
        Set<String> roles = new LinkedHashSet<>(in.roles() == null ? List.of() : in.roles());
        if (!ACCESS_ROLES.containsAll(roles)) {
            throw invalid("Invalid person", "'roles' may only contain " + ACCESS_ROLES + ".");
        }
        Person p = people.findById(ref);
        boolean fresh = p == null;
        if (fresh) {
            p = new Person();
            p.ref = ref;
        }
        p.name = in.name().trim();
        p.email = in.email();
        p.chatHandle = in.chatHandle();
        p.phone = in.phone();
        p.timeZone = zone;
        p.team = in.team();
        p.roles.clear();
        p.roles.addAll(roles);
        if (fresh) {
            // Persisted once complete: the insert carries the state at persist time.
            people.persist(p);
        }
        return PersonView.of(p);
    }

    @Transactional
    public void deletePerson(String ref) {
        if (!people.deleteById(ref)) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No such person", "Nobody is known as " + ref + ".");
        }
    }

    /** The team's roles, with the company-wide ones (CTO, CPO, ...) merged in. */
    @Transactional
    public TeamView team(String name) {
        Team t = teams.findById(name);
        if (t == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No such team", "No team is named " + name + ".");
        }
        Map<OrganisationRole, Set<String>> merged = new EnumMap<>(OrganisationRole.class);
        Team org = name.equals(Team.ORGANISATION) ? null : teams.findById(Team.ORGANISATION);
        for (Team source : org == null ? List.of(t) : List.of(org, t)) {
            for (RoleAssignment a : source.roles) {
                merged.computeIfAbsent(a.role, r -> new LinkedHashSet<>()).add(a.personRef);
            }
        }
        Map<String, List<String>> roles = new LinkedHashMap<>();
        merged.forEach((role, refs) -> roles.put(role.name(), refs.stream().sorted().toList()));
        return new TeamView(t.name, roles);
    }

    @Transactional
    public List<String> teamNames() {
        return teams.listAll().stream().map(t -> t.name).sorted().toList();
    }

    @Transactional
    public TeamView putTeam(String name, TeamInput in) {
        if (name == null || !SLUG.matcher(name).matches()) {
            throw invalid("Invalid team", "A team name is a lowercase slug such as payments.");
        }
        Set<RoleAssignment> assignments = new LinkedHashSet<>();
        Map<String, List<String>> roles = in == null || in.roles() == null ? Map.of() : new TreeMap<>(in.roles());
        for (var e : roles.entrySet()) {
            OrganisationRole role;
            try {
                role = OrganisationRole.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw invalid("Invalid team", "Unknown role " + e.getKey() + "; roles are "
                        + List.of(OrganisationRole.values()) + ".");
            }
            for (String ref : e.getValue() == null ? List.<String>of() : e.getValue()) {
                if (ref == null || ref.isBlank()) {
                    throw invalid("Invalid team", "Role " + role + " lists an empty person reference.");
                }
                assignments.add(new RoleAssignment(role, ref));
            }
        }
        Team t = teams.findById(name);
        if (t == null) {
            t = new Team();
            t.name = name;
            t.roles.addAll(assignments);
            teams.persist(t);
        } else {
            t.roles.clear();
            t.roles.addAll(assignments);
        }
        teams.flush();
        return team(name);
    }

    private static ProblemException invalid(String title, String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, title, detail);
    }
}

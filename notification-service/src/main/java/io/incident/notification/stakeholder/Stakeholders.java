package io.incident.notification.stakeholder;

import io.incident.events.Severity;
import io.incident.notification.stakeholder.StakeholderResource.StakeholderRequest;
import io.incident.notification.stakeholder.StakeholderResource.StakeholderView;
import io.incident.notification.stakeholder.StakeholderResource.TeamSettingsView;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Keeps the stakeholder list and team settings, refusing entries a delivery could never use. */
@ApplicationScoped
public class Stakeholders {

    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StakeholderRepository repository;
    private final TeamSettingsRepository teams;
    private final Clock clock;

    public Stakeholders(StakeholderRepository repository, TeamSettingsRepository teams, Clock clock) {
        this.repository = repository;
        this.teams = teams;
        this.clock = clock;
    }

    @Transactional
    public List<StakeholderView> list(String team) {
        return repository.all(team == null || team.isBlank() ? null : team).stream().map(Stakeholders::view).toList();
    }

    @Transactional
    public StakeholderView add(StakeholderRequest r) {
        if (r == null) {
            throw invalid("Send a JSON body with team, role, minSeverity, channel and address.");
        }
        Stakeholder s = new Stakeholder();
        s.id = UUID.randomUUID();
        s.team = r.team() == null || r.team().isBlank() ? null : team(r.team());
        s.role = parse(Role.class, "role", r.role());
        s.minSeverity = r.minSeverity() == null ? Severity.SEV4 : parse(Severity.class, "minSeverity", r.minSeverity());
        s.channel = parse(StakeholderChannel.class, "channel", r.channel());
        s.address = address(s.channel, r.address());
        s.createdAt = clock.instant();
        boolean duplicate = repository.count("team is not distinct from ?1 and role = ?2 and channel = ?3 and address = ?4",
                s.team, s.role, s.channel, s.address) > 0;
        if (duplicate) {
            throw new ProblemException(Response.Status.CONFLICT, "Stakeholder exists",
                    "This address is already a " + s.role + " stakeholder on " + s.channel + ".");
        }
        repository.persist(s);
        return view(s);
    }

    @Transactional
    public void remove(UUID id) {
        if (!repository.deleteById(id)) {
            throw new ProblemException(Response.Status.NOT_FOUND, "Unknown stakeholder", "No stakeholder " + id + ".");
        }
    }

    @Transactional
    public TeamSettingsView settings(String team) {
        TeamSettings s = teams.findById(team(team));
        if (s == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No settings",
                    "Team " + team + " has no settings yet; PUT them first.");
        }
        return view(s);
    }

    @Transactional
    public TeamSettingsView saveSettings(String team, TeamSettingsView v) {
        if (v == null) {
            throw invalid("Send a JSON body with bridge, chatKind, chatUrl, roomTopicUrl, ticketUrl, ticketProject.");
        }
        String name = team(team);
        TeamSettings existing = teams.findById(name);
        TeamSettings s = existing == null ? new TeamSettings() : existing;
        s.team = name;
        s.bridge = blankToNull(v.bridge());
        s.chatKind = v.chatKind() == null || v.chatKind().isBlank() ? null
                : parse(StakeholderChannel.class, "chatKind", v.chatKind());
        if (s.chatKind == StakeholderChannel.EMAIL || s.chatKind == StakeholderChannel.WEBHOOK) {
            throw invalid("chatKind must be SLACK, TEAMS or MATTERMOST.");
        }
        s.chatUrl = url("chatUrl", v.chatUrl());
        if ((s.chatKind == null) != (s.chatUrl == null)) {
            throw invalid("Give chatKind and chatUrl together, or neither.");
        }
        s.roomTopicUrl = url("roomTopicUrl", v.roomTopicUrl());
        s.ticketUrl = url("ticketUrl", v.ticketUrl());
        s.ticketProject = blankToNull(v.ticketProject());
        if ((s.ticketUrl == null) != (s.ticketProject == null)) {
            throw invalid("Give ticketUrl and ticketProject together, or neither.");
        }
        s.updatedAt = clock.instant();
        if (existing == null) {
            teams.persist(s);
        }
        return view(s);
    }

    private static String team(String team) {
        if (team == null || !TEAM.matcher(team).matches()) {
            throw invalid("team must be a lowercase slug such as 'payments' ('si' for site-wide).");
        }
        return team;
    }

    private static String address(StakeholderChannel channel, String address) {
        if (address == null || address.isBlank()) {
            throw invalid("address is required: an e-mail address, or the webhook URL for chat and webhooks.");
        }
        if (channel == StakeholderChannel.EMAIL) {
            if (!EMAIL.matcher(address.trim()).matches()) {
                throw invalid("address '" + address + "' is not an e-mail address.");
            }
            return address.trim();
        }
        return url("address", address);
    }

    private static String url(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return value.trim();
        } catch (IllegalArgumentException e) {
            throw invalid(field + " must be an http(s) URL.");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw invalid(field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, "Invalid input", detail);
    }

    private static StakeholderView view(Stakeholder s) {
        return new StakeholderView(s.id, s.team, s.role, s.minSeverity.name(), s.channel, s.address);
    }

    private static TeamSettingsView view(TeamSettings s) {
        return new TeamSettingsView(s.team, s.bridge, s.chatKind == null ? null : s.chatKind.name(), s.chatUrl,
                s.roomTopicUrl, s.ticketUrl, s.ticketProject);
    }
}

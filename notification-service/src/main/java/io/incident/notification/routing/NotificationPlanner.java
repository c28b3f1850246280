package io.incident.notification.routing;

import io.incident.events.BlockerRaised;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineWarned;
import io.incident.events.DocumentCreated;
import io.incident.events.DocumentUpdated;
import io.incident.events.EventEnvelope;
import io.incident.events.HandOffDisputed;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.SecurityFormFiled;
import io.incident.notification.NotificationConfig;
import io.incident.notification.channel.ChannelKind;
import io.incident.notification.channel.JiraChannel;
import io.incident.notification.delivery.DeliveryHistory;
import io.incident.notification.delivery.DeliveryQueue;
import io.incident.notification.delivery.PlannedDelivery;
import io.incident.notification.people.Directory;
import io.incident.notification.stakeholder.IncidentWatch;
import io.incident.notification.stakeholder.Stakeholder;
import io.incident.notification.stakeholder.StakeholderRepository;
import io.incident.notification.stakeholder.TeamSettings;
import io.incident.notification.stakeholder.TeamSettingsRepository;
import io.incident.notification.template.RenderedMessage;
import io.incident.notification.template.TemplateStore;
import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.lock.IncidentLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an incoming event into stored deliveries, in the consumer's inbox transaction: remember what it says about
 * the incident, decide the notices, find each recipient's address, render, and queue one row per recipient and
 * channel. Nothing is sent here; the delivery workers do that after commit.
 */
@ApplicationScoped
public class NotificationPlanner {

    /** Values that come from people's free text; they are blanked of personal data for all but the restricted audience. */
    private static final Set<String> FREE_TEXT = Set.of("title", "summary", "reason", "note", "description");

    private final IncidentWatch watch;
    private final StakeholderRepository stakeholders;
    private final TeamSettingsRepository teams;
    private final Directory directory;
    private final TemplateStore templates;
    private final DeliveryQueue queue;
    private final NoticeRouter router;
    private final Links links;
    private final ParkedEvents parked;
    private final IncidentLocks locks;
    private final DeliveryHistory history;

    public NotificationPlanner(IncidentWatch watch, StakeholderRepository stakeholders, TeamSettingsRepository teams,
                               Directory directory, TemplateStore templates, DeliveryQueue queue,
                               RuntimeConfig runtime, NotificationConfig config, ParkedEvents parked,
                               IncidentLocks locks, DeliveryHistory history) {
        this.history = history;
        this.parked = parked;
        this.locks = locks;
        this.watch = watch;
        this.stakeholders = stakeholders;
        this.teams = teams;
        this.directory = directory;
        this.templates = templates;
        this.queue = queue;
        this.links = new Links(runtime.urls().getOrDefault("commander-service", ""), config.responseTeamsUrl(),
                runtime.urls().get("docs-service"), runtime.access().linkSecret().orElse(null),
                runtime.access().linkLifetime());
        this.router = new NoticeRouter(links);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        // Serialises one incident's events across the topics' consumers until the transaction ends: otherwise an
        // event could be parked just after its report took the parked events, and wait for ever.
        locks.lock(envelope.subject());
        Optional<IncidentContext> incident = watch.apply(envelope);
        IncidentEvent event = envelope.data();
        if (routed(event) && (incident.isEmpty() || !incident.get().reported() && needsReport(event))) {
            // The report travels on another topic and is not read yet; until it is, the title, severity and
            // security flag are unknown, so the event waits for it rather than send a notice that is wrong.
            parked.park(envelope);
            return;
        }
        if (incident.isEmpty()) {
            return;
        }
        for (Notice notice : router.route(envelope, incident.get())) {
            plan(notice, incident.get());
        }
        if (event instanceof IncidentReported) {
            for (EventEnvelope waiting : parked.takeAll(envelope.subject())) {
                apply(waiting);
            }
        }
    }

    /** A page and an acknowledgement carry what they need; the rest read the report's title and severity. */
    private static boolean needsReport(IncidentEvent e) {
        return !(e instanceof CommanderPaged || e instanceof CommanderAcknowledged);
    }

    private static boolean routed(IncidentEvent e) {
        return e instanceof IncidentReported || e instanceof CommanderPaged || e instanceof CommanderAcknowledged
                || e instanceof DocumentCreated || e instanceof IncidentEscalated || e instanceof BlockerRaised
                || e instanceof CommandHandedOff || e instanceof HandOffDisputed || e instanceof DocumentUpdated
                || e instanceof SecurityFormFiled || e instanceof CloseProposed || e instanceof IncidentResolved
                || e instanceof IncidentClosed || e instanceof IncidentTriaged || e instanceof DeadlineWarned
                || e instanceof DeadlineBreached;
    }

    private void plan(Notice notice, IncidentContext incident) {
        String key = notice.key() + ":" + notice.template();
        List<PlannedDelivery> planned = new ArrayList<>();
        if (notice.audience() instanceof Audience.Roles r) {
            for (Stakeholder s : stakeholders.of(r.teams(), r.roles())) {
                if (!r.bySeverity() || s.wants(incident.severity())) {
                    boolean restricted = s.role.restricted() && s.channel.kind() == ChannelKind.EMAIL;
                    planned.add(delivery(key, notice, incident, s.address, s.channel.kind(), s.role.name(),
                            restricted));
                }
            }
        } else if (notice.audience() instanceof Audience.Person p) {
            Optional<String> email = directory.personEmail(p.personRef());
            if (email.isEmpty()) {
                queue.deadLetter(delivery(key, notice, incident, "person:" + p.personRef(), ChannelKind.EMAIL,
                        p.as(), false), "The people directory does not know " + p.personRef());
                return;
            }
            planned.add(delivery(key, notice, incident, email.get(), ChannelKind.EMAIL, p.as(), false));
        } else if (notice.audience() instanceof Audience.Reporter r) {
            Optional<String> email = directory.reporterEmail(r.reporterRef());
            if (email.isEmpty()) {
                queue.deadLetter(delivery(key, notice, incident, "reporter:" + r.reporterRef(),
                        ChannelKind.EMAIL, "REPORTER", false), "Intake does not know reporter " + r.reporterRef());
                return;
            }
            planned.add(delivery(key, notice, incident, email.get(), ChannelKind.EMAIL, "REPORTER", false));
        } else if (notice.audience() instanceof Audience.TeamRoom t) {
            settings(t.team()).filter(s -> s.chatKind != null && s.chatUrl != null)
                    .ifPresent(s -> planned.add(delivery(key, notice, incident, s.chatUrl, s.chatKind.kind(),
                    "TEAM_ROOM", false)));
        } else if (notice.audience() instanceof Audience.RoomTopic t) {
            settings(t.team()).filter(s -> s.roomTopicUrl != null)
                    .ifPresent(s -> planned.add(delivery(key, notice, incident, s.roomTopicUrl,
                    ChannelKind.ROOM_TOPIC, "ROOM_TOPIC", false)));
        } else if (notice.audience() instanceof Audience.Ticketing t) {
            Optional<TeamSettings> s = settings(t.team()).filter(x -> x.ticketUrl != null && x.ticketProject != null)
                    .or(() -> settings("si").filter(x -> x.ticketUrl != null && x.ticketProject != null));
            if (s.isEmpty()) {
                queue.deadLetter(delivery(key, notice, incident, "ticketing:" + t.team(), ChannelKind.JIRA,
                        "TICKETING", false), "No ticketing system is set for team " + t.team() + " or si");
                return;
            }
            planned.add(delivery(key, notice, incident, JiraChannel.recipient(s.get().ticketUrl,
                    s.get().ticketProject), ChannelKind.JIRA, "TICKETING", false));
        }
        queue.enqueue(StoryRule.needsEarlierNotice(notice.template()) && !planned.isEmpty()
                ? StoryRule.keep(notice.template(), planned, history.told(incident.incidentId(), StoryRule.NOT_TELLING))
                : planned);
    }

    private Optional<TeamSettings> settings(String team) {
        return Optional.ofNullable(teams.findById(team));
    }

    private PlannedDelivery delivery(String key, Notice notice, IncidentContext incident, String recipient,
                                     ChannelKind channel, String audience, boolean restricted) {
        Map<String, Object> values = new HashMap<>();
        values.put("incidentId", incident.incidentId().toString());
        values.put("title", Disclosure.title(incident.title(), incident.security(), restricted));
        values.put("team", incident.team());
        values.put("severity", incident.severity().name());
        values.put("incidentUrl", links.incidentPage(incident.incidentId()));
        values.put("documentUrl", incident.documentUrl() == null ? "(not yet created)" : incident.documentUrl());
        values.put("commanderRef", incident.commanderRef() == null ? "(none yet)" : incident.commanderRef());
        values.put("bridge", settings(incident.team()).map(s -> s.bridge).filter(b -> b != null && !b.isBlank())
                .orElse("(no bridge line set)"));
        values.putAll(notice.values());
        if (values.get("description") instanceof String d) {
            values.put("description", Disclosure.details(d, incident.security(), restricted));
        }
        if (values.get("evidenceLinks") instanceof List<?> l) {
            values.put("evidenceLinks", Disclosure.links(l.stream().map(String::valueOf).toList(),
                    incident.security(), restricted));
        }
        for (String k : FREE_TEXT) {
            if (values.get(k) instanceof String s) {
                values.put(k, Disclosure.redact(s, restricted));
            }
        }
        RenderedMessage m = templates.render(notice.template(), values);
        return new PlannedDelivery(key, incident.incidentId(), recipient, channel, audience, notice.template(),
                m.subject(), m.body());
    }
}

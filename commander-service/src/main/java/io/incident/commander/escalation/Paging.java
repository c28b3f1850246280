package io.incident.commander.escalation;

import io.incident.commander.config.CommanderSettings;
import io.incident.commander.incident.Incident;
import io.incident.commander.rotation.Schedules;
import io.incident.events.DeadlineBreached;
import io.incident.events.LifecycleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * R-ACK-2, R-ACK-4: who to page for an incident, and what happens when a page is not acknowledged in time. A team
 * with no escalation policy pages nobody: its incidents wait on the dashboard.
 */
@ApplicationScoped
public class Paging {

    /** R-ACK-4: a site-wide incident pages two engineers (agreement 2: every siteWide report). */
    static final int SITE_WIDE_PAGES = 2;

    private final Policies policies;
    private final Schedules schedules;
    private final CommanderSettings settings;
    private final Clock clock;

    public Paging(Policies policies, Schedules schedules, CommanderSettings settings, Clock clock) {
        this.policies = policies;
        this.schedules = schedules;
        this.settings = settings;
        this.clock = clock;
    }

    /** Pages the first level; the acknowledge goal counts from the report (agreement 2). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LifecycleEvent> pageFirstLevel(Incident incident) {
        return pageFirstLevel(incident, firstClockBase(incident.reportedAt, settings.acknowledgeGoal(incident.likely),
                clock.instant()));
    }

    /**
     * R-ACK-2: the first level's clock counts from the report, as the deadline service's does. When this service
     * hears of the report only after that clock ran out (a backlog, a restart), its breach came while there was no
     * incident here to escalate, and a page due before it is sent could never escalate: the first level then gets
     * the whole goal from the page, and the deadline service starts its clock again from the page's due time.
     */
    static Instant firstClockBase(Instant reportedAt, Duration goal, Instant now) {
        return reportedAt.plus(goal).isAfter(now) ? reportedAt : now;
    }

    /** Pages the first level with the acknowledge goal counting from {@code base} (a routed incident: now). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LifecycleEvent> pageFirstLevel(Incident incident, Instant base) {
        Optional<EscalationPolicy> policy = policies.find(incident.team);
        if (policy.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Duration goal = settings.acknowledgeGoal(incident.likely);
        return policy.get().next(0, wanted(incident), goal, level -> whoIsOnCall(level, now))
                .map(step -> incident.page(step.level(), step.people(), base, base.plus(goal), now))
                .orElseGet(() -> incident.exhaustLevels(now));
    }

    /** Pages the next level when the current level's acknowledge clock ran out; a stale breach changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LifecycleEvent> acknowledgeBreached(Incident incident, DeadlineBreached breach) {
        if (!incident.escalatesOn(breach.dueAt())) {
            return List.of();
        }
        Instant now = clock.instant();
        Optional<EscalationPolicy> policy = policies.find(incident.team);
        Optional<EscalationPolicy.Step> next = policy.flatMap(p -> p.next(incident.escalationLevel, 1,
                settings.acknowledgeGoal(incident.likely), level -> whoIsOnCall(level, now)));
        return next.map(step -> incident.escalate(step.level(), step.people(), breach.breachedAt(), step.delay(), now))
                .orElseGet(() -> incident.exhaustLevels(now));
    }

    private int wanted(Incident incident) {
        return incident.siteWide ? SITE_WIDE_PAGES : 1;
    }

    private List<String> whoIsOnCall(EscalationPolicy.Level level, Instant at) {
        return level.person() != null && !level.person().isBlank() ? List.of(level.person())
                : schedules.onCallIfExists(level.schedule(), at);
    }
}

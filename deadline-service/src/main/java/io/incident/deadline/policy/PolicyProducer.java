package io.incident.deadline.policy;

import io.incident.deadline.calendar.BusinessCalendar;
import io.incident.deadline.calendar.Holidays;
import io.incident.deadline.calendar.PublicHolidays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;

/**
 * Builds the pure policy from the typed configuration; a bad value stops the service at start-up. Singletons: the
 * policy and calendar are immutable and final, so they need no client proxy.
 */
@ApplicationScoped
class PolicyProducer {

    @Produces
    @Singleton
    BusinessCalendar calendar(DeadlineSettings settings) {
        DeadlineSettings.Calendar c = settings.calendar();
        Holidays extra = Holidays.of(new HashSet<>(c.holidays().orElse(List.of())));
        Holidays publicHolidays = "none".equalsIgnoreCase(c.country()) ? Holidays.none()
                : new PublicHolidays(c.country(), c.regions().orElse(List.of()).toArray(String[]::new));
        return new BusinessCalendar(c.zone(), publicHolidays.and(extra));
    }

    @Produces
    @Singleton
    DeadlinePolicy policy(DeadlineSettings s, BusinessCalendar calendar) {
        return new DeadlinePolicy(new DeadlinePolicy.Goals(
                s.acknowledge().likelyIncident(), s.acknowledge().standardAlert(), s.triage(), s.question(),
                s.inquiryResponse(), s.documentUpdate().every(), s.securityForm(), s.leadershipUpdate().sev1(),
                s.leadershipUpdate().sev2(), s.fatigueRotation(), s.closeObjectionWindow(),
                s.rootCauseAnalysis().businessDays()),
                s.warnFraction(), calendar, s.calendar().teamZones(),
                new DeadlinePolicy.EntryKinds(s.documentUpdate().humanEntryKinds(),
                        s.documentUpdate().leadershipUpdateKind()));
    }
}

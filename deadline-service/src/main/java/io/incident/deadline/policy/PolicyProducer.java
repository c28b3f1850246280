package io.incident.deadline.policy;

import io.incident.deadline.calendar.BusinessCalendar;
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
        return new BusinessCalendar(settings.calendar().zone(),
                new HashSet<>(settings.calendar().holidays().orElse(List.of())));
    }

    @Produces
    @Singleton
    DeadlinePolicy policy(DeadlineSettings s, BusinessCalendar calendar) {
        return new DeadlinePolicy(new DeadlinePolicy.Goals(
                s.acknowledge().likelyIncident(), s.acknowledge().standardAlert(), s.triage(), s.question(),
                s.inquiryResponse(), s.documentUpdate().every(), s.securityForm(), s.leadershipUpdate().sev1(),
                s.leadershipUpdate().sev2(), s.fatigueRotation(), s.closeObjectionWindow(),
                s.rootCauseAnalysis().businessDays()),
                s.warnFraction(), calendar, s.documentUpdate().machineEntryKinds());
    }
}

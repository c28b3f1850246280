package io.incident.deadline.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The process's time goals under {@code incident.deadlines.*}. The defaults are the values PROCESS.md gives. */
@ConfigMapping(prefix = "incident.deadlines")
public interface DeadlineSettings {

    /** A clock warns when this share of its period has passed: 0.8 warns 4 minutes into a 5-minute clock. */
    @WithDefault("0.8")
    double warnFraction();

    Acknowledge acknowledge();

    /** R-ACK-3: a responder who cannot judge an alert in this time escalates it. */
    @WithDefault("15m")
    Duration triage();

    /** R-REP-7: a question not answered in this time becomes an incident. */
    @WithDefault("15m")
    Duration question();

    /** R-CMD-7: the IC answers inquiries within this time. */
    @WithDefault("15m")
    Duration inquiryResponse();

    DocumentUpdate documentUpdate();

    /** R-SEC-1: the security incident form reaches the IT service desk within this time of identification. */
    @WithDefault("1h")
    Duration securityForm();

    LeadershipUpdate leadershipUpdate();

    /** R-CMD-5: remind the IC to rotate the response team after this long. */
    @WithDefault("4h")
    Duration fatigueRotation();

    /** R-CLS-1: how long objections are heard when a close proposal names no end. */
    @WithDefault("10m")
    Duration closeObjectionWindow();

    RootCauseAnalysis rootCauseAnalysis();

    Calendar calendar();

    /** R-ACK-2. */
    interface Acknowledge {
        /** An alert likely to be an incident, which every direct report to an incident address is. */
        @WithDefault("5m")
        Duration likelyIncident();

        @WithDefault("15m")
        Duration standardAlert();
    }

    /** R-DOC-2. */
    interface DocumentUpdate {
        @WithDefault("2h")
        Duration every();

        /**
         * Timeline entries the platform writes by itself (docs-service's entry kinds): they are not the IC's update,
         * so they do not restart the clock.
         */
        @WithDefault("reported,report-attached")
        Set<String> machineEntryKinds();
    }

    /** R-SEC-3: until the incident is resolved. */
    interface LeadershipUpdate {
        @WithDefault("4h")
        Duration sev1();

        @WithDefault("24h")
        Duration sev2();
    }

    /** R-PM-2. */
    interface RootCauseAnalysis {
        @WithDefault("1")
        int businessDays();
    }

    /** The days R-PM-2 counts. */
    interface Calendar {
        /** Where the team works: a business day starts at midnight here. */
        @WithDefault("UTC")
        ZoneId zone();

        /** Public holidays, as ISO dates (2026-12-25), until a holiday calendar is wired in. */
        Optional<List<LocalDate>> holidays();
    }
}

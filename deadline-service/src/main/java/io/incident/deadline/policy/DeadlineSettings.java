package io.incident.deadline.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
         * The docs service's entry kinds that people write: only these restart the clock. Entries the platform adds
         * by itself (a report attached, a page sent) are not the IC's update, and a kind added there later must not
         * quietly start counting as one.
         */
        @WithDefault("update,status-summary,evidence,action-item,decision,leadership-update,checklist")
        Set<String> humanEntryKinds();

        /** The entry kind that is a leadership update (R-SEC-3): it also restarts the leadership clock. */
        @WithDefault("leadership-update")
        String leadershipUpdateKind();
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

        /** Per-team time zones (team slug → zone), for teams that do not work in {@link #zone()}. */
        Map<String, ZoneId> teamZones();

        /**
         * Whose public holidays count: an ISO 3166 country code the Jollyday library knows. US federal holidays by
         * default; {@code none} counts weekends only.
         */
        @WithDefault("US")
        String country();

        /** Sub-divisions of the country whose holidays count too (e.g. a state code); none by default. */
        Optional<List<String>> regions();

        /** Further days off, as ISO dates (2026-12-24): company holidays the public calendar does not have. */
        Optional<List<LocalDate>> holidays();
    }
}

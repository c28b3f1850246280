package io.incident.notification.routing;

import io.incident.notification.stakeholder.Role;

import java.util.Set;

/** Who a notice is for, before it is resolved to addresses. */
public sealed interface Audience {

    /** Stakeholders of {@code teams} (and company-wide ones) in {@code roles}; {@code bySeverity} applies their minimum. */
    record Roles(Set<Role> roles, Set<String> teams, boolean bySeverity) implements Audience {
    }

    /** One person, by reference; their address comes from the commander service's directory. */
    record Person(String personRef, String as) implements Audience {
    }

    /** The reporter of an e-mailed report; the address comes from intake's restricted store. */
    record Reporter(String reporterRef) implements Audience {
    }

    /** The team's incident room (its chat webhook). */
    record TeamRoom(String team) implements Audience {
    }

    /** The topic of the team's incident room. */
    record RoomTopic(String team) implements Audience {
    }

    /** The team's ticketing system. */
    record Ticketing(String team) implements Audience {
    }
}

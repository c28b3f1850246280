package io.incident.commander.access;

/** The person acting on a request, with the access roles that widen what they may do or see. */
public record Actor(String ref, String team, boolean admin, boolean security) {

    /** Admins see everything; the security role sees security incidents. */
    public boolean seesSecurityIncidents() {
        return admin || security;
    }
}

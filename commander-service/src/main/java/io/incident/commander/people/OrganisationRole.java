package io.incident.commander.people;

/** The roles PROCESS.md names: who hears about blockers, disputes, exhausted escalations and leadership updates. */
public enum OrganisationRole {
    PRODUCT_OWNER, CTO, CPO, SI_TEAM, SERVICE_CENTER, IT_SERVICE_DESK, LEGAL, PUBLIC_RELATIONS
}

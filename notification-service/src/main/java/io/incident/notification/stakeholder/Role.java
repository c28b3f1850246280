package io.incident.notification.stakeholder;

import java.util.EnumSet;
import java.util.Set;

/** Who a stakeholder is to an incident. */
public enum Role {
    PRODUCT_OWNER, SI_TEAM, SERVICE_CENTER, CTO, CPO, IT_SERVICE_DESK, LEGAL, PUBLIC_RELATIONS;

    /** The security audience that may read a security incident's details (R-SEC-1, R-SEC-4). */
    public static final Set<Role> RESTRICTED = EnumSet.of(IT_SERVICE_DESK, LEGAL);

    public boolean restricted() {
        return RESTRICTED.contains(this);
    }
}

package io.incident.runtime.access;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles people hold, as the {@code groups} claim of their token names them. Command implies responding, and
 * responding implies reporting; admin implies command. Security is apart: an admin does not see the PII vault or a
 * security incident unless they also hold {@value #SECURITY}.
 */
public final class Roles {

    public static final String REPORTER = "reporter";
    public static final String RESPONDER = "responder";
    public static final String COMMANDER = "commander";
    public static final String SECURITY = "security";
    public static final String ADMIN = "admin";
    /** Another service of the platform calling with its service token. */
    public static final String SERVICE = "service";

    private Roles() {
    }

    /** The granted roles together with every role they imply. */
    public static Set<String> expand(Set<String> granted) {
        Set<String> all = new LinkedHashSet<>(granted);
        if (all.contains(ADMIN)) {
            all.add(COMMANDER);
        }
        if (all.contains(COMMANDER)) {
            all.add(RESPONDER);
        }
        if (all.contains(RESPONDER)) {
            all.add(REPORTER);
        }
        return all;
    }
}

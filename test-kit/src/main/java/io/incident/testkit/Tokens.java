package io.incident.testkit;

import io.incident.local.AccessTokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for tests, signed by a key made once per test JVM that the services under test trust (see
 * {@link TestInfrastructure#serviceConfig()}).
 */
public final class Tokens {

    static final AccessTokens ISSUER = AccessTokens.generate();

    private static final Map<List<String>, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The {@code Authorization} header's value for this person with these roles. */
    public static String bearer(String person, String... roles) {
        return "Bearer " + token(person, roles);
    }

    /** The raw token, for a session cookie, say. */
    public static String token(String person, String... roles) {
        List<String> key = new ArrayList<>(List.of(person));
        key.addAll(Arrays.asList(roles));
        return CACHE.computeIfAbsent(key, k -> ISSUER.token(person, roles));
    }
}

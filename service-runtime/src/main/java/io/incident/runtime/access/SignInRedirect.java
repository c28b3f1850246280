package io.incident.runtime.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Who is sent to the sign-in page instead of refused. A browser that asks for a page (a GET or HEAD accepting
 * {@code text/html}, without an Authorization header) and has no valid session is redirected with 303 to
 * {@code /session?next=...} and comes back afterwards; API clients and scripts keep getting 401 problem JSON, which
 * is what their code checks. Pure.
 */
public final class SignInRedirect {

    public static final String SIGN_IN_PATH = "/session";

    private SignInRedirect() {
    }

    /** Whether the request is a browser asking for a page. */
    public static boolean wantsPage(String method, String accept, String authorization) {
        return ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) && authorization == null
                && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    /** Where the browser goes to sign in, remembering the page it wanted. */
    public static String location(String pathAndQuery) {
        String next = safeNext(pathAndQuery);
        return next.equals("/") ? SIGN_IN_PATH : SIGN_IN_PATH + "?next=" + URLEncoder.encode(next,
                StandardCharsets.UTF_8);
    }

    /**
     * Where to go after signing in: a path on this service only. Anything that could leave it (another host,
     * {@code //host}, a scheme, a backslash some browsers read as a slash) becomes {@code /}, so the sign-in page
     * cannot be used to send people elsewhere.
     */
    public static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.charAt(0) != '/' || next.startsWith("//")
                || next.contains("\\") || next.startsWith(SIGN_IN_PATH)
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return "/";
        }
        return next;
    }
}

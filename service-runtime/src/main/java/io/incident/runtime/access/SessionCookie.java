package io.incident.runtime.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.NewCookie;

/** The browser session: the caller's token in an HttpOnly, SameSite=Strict cookie that scripts cannot read. */
public final class SessionCookie {

    /** Also {@code mp.jwt.token.cookie}. */
    public static final String NAME = "incident_token";

    private SessionCookie() {
    }

    static boolean carries(ContainerRequestContext request) {
        return request.getCookies().containsKey(NAME);
    }

    static NewCookie of(String token, boolean secure) {
        return new NewCookie.Builder(NAME).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    static NewCookie cleared(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/").maxAge(0).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}

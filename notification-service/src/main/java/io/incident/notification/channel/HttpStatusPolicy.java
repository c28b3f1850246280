package io.incident.notification.channel;

/** How a vendor's HTTP answer decides the fate of a delivery: 429 and 5xx pass, any other 4xx will not. */
public final class HttpStatusPolicy {

    private HttpStatusPolicy() {
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    public static boolean isPermanent(int status) {
        return status >= 400 && status < 500 && status != 429 && status != 408;
    }
}

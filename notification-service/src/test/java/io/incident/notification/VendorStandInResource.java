package io.incident.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the service's directory look-ups (commander, intake) at the stand-in server. */
public class VendorStandInResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        VendorStandIn v = VendorStandIn.get();
        return Map.of("incident.urls.commander-service", v.url(""), "incident.urls.intake-service", v.url(""));
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM.
    }
}

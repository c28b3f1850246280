package io.incident.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared real infrastructure. Quarkus may call {@link #start()} again when a
 * test profile restarts the application; the infrastructure itself starts only once.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestInfrastructure.get().serviceConfig();
    }

    @Override
    public void stop() {
        // Shared with the rest of the test JVM; stopped by a shutdown hook.
    }
}

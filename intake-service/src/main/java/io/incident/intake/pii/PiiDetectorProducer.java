package io.incident.intake.pii;

import io.incident.intake.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The detector is a plain class; this gives it the personal mail domains from configuration. */
@ApplicationScoped
public class PiiDetectorProducer {

    @Produces
    @ApplicationScoped
    PiiDetector detector(IntakeConfig config) {
        return config.pii().personalMailDomains().map(PiiDetector::new).orElseGet(PiiDetector::new);
    }
}

package io.incident.intake.report;

import io.incident.intake.pii.PiiDetector;
import io.incident.intake.pii.PiiKind;
import io.incident.intake.pii.PiiVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.EnumSet;

/**
 * Stores a report on any channel with its personal data removed (R-REP-6). When the title or description holds
 * PII, the original text and the raw request go to the {@link PiiVault}, the report row keeps the redacted text
 * and no raw request, and the caller flags the incident as a security incident. Callers build their events from
 * the report after this, so nothing personal reaches the stream.
 */
@ApplicationScoped
public class ReportRecorder {

    private final ReportRepository reports;
    private final PiiDetector detector;
    private final PiiVault vault;

    public ReportRecorder(ReportRepository reports, PiiDetector detector, PiiVault vault) {
        this.reports = reports;
        this.detector = detector;
        this.vault = vault;
    }

    /** @param security the report held personal data, so the incident is a security incident */
    public record Recorded(Report report, boolean security) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded record(Report report) {
        PiiDetector.Scan title = detector.scan(report.title);
        PiiDetector.Scan description = detector.scan(report.description);
        // A raw request may hold PII in fields the text was not built from, so it is scanned too.
        PiiDetector.Scan raw = detector.scan(report.rawPayload);
        boolean found = title.found() || description.found() || raw.found();
        if (found) {
            EnumSet<PiiKind> kinds = EnumSet.noneOf(PiiKind.class);
            kinds.addAll(title.kinds());
            kinds.addAll(description.kinds());
            kinds.addAll(raw.kinds());
            vault.keep(new PiiVault.Original(report.id, report.incidentId, kinds, report.title, report.description,
                    report.rawPayload), report.receivedAt);
            report.title = title.redacted();
            report.description = description.redacted();
            report.rawPayload = null;
        }
        reports.persist(report);
        return new Recorded(report, found);
    }
}

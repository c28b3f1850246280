package io.incident.intake.report;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public List<Report> recent(int limit) {
        return findAll(Sort.descending("receivedAt")).page(0, limit).list();
    }
}

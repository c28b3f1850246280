package io.incident.docs.document;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One link in a document's evidence section; the id orders them as they arrived. */
@Entity
@Table(name = "evidence")
public class EvidenceLink {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID documentId;
    public String url;
    public String label;
    public String source;
    public String actor;
    public Instant addedAt;
}

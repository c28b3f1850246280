package io.incident.commander.people;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.LinkedHashSet;
import java.util.Set;

/** A team and who holds the process's roles in it. The team {@value #ORGANISATION} holds company-wide roles. */
@Entity
@Table(name = "team")
public class Team {

    /** Not a team: the company-wide role holders (CTO, CPO, legal, ...), shown in every team's roles. */
    public static final String ORGANISATION = "organisation";

    @Id
    public String name;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_role", joinColumns = @JoinColumn(name = "team"))
    public Set<RoleAssignment> roles = new LinkedHashSet<>();
    @Version
    public long version;
}

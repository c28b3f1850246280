package io.incident.commander.people;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

@Embeddable
public class RoleAssignment {

    @Enumerated(EnumType.STRING)
    public OrganisationRole role;
    public String personRef;

    protected RoleAssignment() {
    }

    public RoleAssignment(OrganisationRole role, String personRef) {
        this.role = role;
        this.personRef = personRef;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleAssignment r && r.role == role && Objects.equals(r.personRef, personRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, personRef);
    }
}

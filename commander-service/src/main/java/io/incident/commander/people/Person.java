package io.incident.commander.people;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.LinkedHashSet;
import java.util.Set;

/** A person who can be paged, with where to reach them. Only this service holds the contact details. */
@Entity
@Table(name = "person")
public class Person {

    /** Access role: may act for any IC and see every incident. */
    public static final String ADMIN = "admin";
    /** Access role: may see security incidents. */
    public static final String SECURITY = "security";

    @Id
    public String ref;
    public String name;
    public String email;
    public String chatHandle;
    /** For the SMS / voice gateway. */
    public String phone;
    public String timeZone;
    public String team;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_access_role", joinColumns = @JoinColumn(name = "person_ref"))
    @Column(name = "role")
    public Set<String> roles = new LinkedHashSet<>();
    @Version
    public long version;
}

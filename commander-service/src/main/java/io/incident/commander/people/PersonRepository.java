package io.incident.commander.people;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, String> {

    public boolean anyAdmin() {
        return count("select count(p) from Person p join p.roles r where r = ?1", Person.ADMIN) > 0;
    }
}

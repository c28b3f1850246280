package io.incident.commander.rotation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<Schedule, String> {

    public List<Schedule> ofTeam(String team) {
        return list("team", team);
    }
}

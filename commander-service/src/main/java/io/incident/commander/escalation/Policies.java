package io.incident.commander.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.commander.people.Directory;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/** Teams' escalation policies. */
@ApplicationScoped
public class Policies {

    private final StoredPolicyRepository policies;
    private final ObjectMapper json;

    public Policies(StoredPolicyRepository policies, ObjectMapper json) {
        this.policies = policies;
        this.json = json;
    }

    @Transactional
    public EscalationPolicy put(String team, EscalationPolicy policy) {
        if (team == null || !Directory.SLUG.matcher(team).matches()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid escalation policy",
                    "A team name is a lowercase slug such as payments.");
        }
        if (policy == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid escalation policy",
                    "Give the policy as JSON: {\"levels\": [{\"schedule\": ...} or {\"person\": ...}], \"repeat\": 0}.");
        }
        String definition;
        try {
            definition = json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an escalation policy", e);
        }
        StoredPolicy p = policies.findById(team);
        if (p == null) {
            p = new StoredPolicy();
            p.team = team;
            p.definition = definition;
            policies.persist(p);
        } else {
            p.definition = definition;
        }
        return policy;
    }

    @Transactional
    public EscalationPolicy get(String team) {
        return find(team).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "No escalation policy",
                "Team " + team + " has no escalation policy."));
    }

    @Transactional
    public void delete(String team) {
        if (!policies.deleteById(team)) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No escalation policy",
                    "Team " + team + " has no escalation policy.");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EscalationPolicy> find(String team) {
        return policies.findByIdOptional(team).map(p -> {
            try {
                return json.readValue(p.definition, EscalationPolicy.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The policy of " + team + " cannot be read by this build", e);
            }
        });
    }
}

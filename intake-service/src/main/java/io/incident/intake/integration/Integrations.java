package io.incident.intake.integration;

import io.incident.intake.IntakeConfig;
import io.incident.intake.team.Teams;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Connects monitoring tools to teams and recognises them by their key (R-REP-1: a key is all a tool needs). */
@ApplicationScoped
public class Integrations {

    private final IntegrationRepository integrations;
    private final Clock clock;
    private final String emailDomain;

    public Integrations(IntegrationRepository integrations, Clock clock, IntakeConfig config) {
        this.integrations = integrations;
        this.clock = clock;
        this.emailDomain = config.email().domain();
    }

    @Transactional
    public KeyIssued create(NewIntegration request) {
        List<IntegrationRules.Violation> violations = IntegrationRules.check(request);
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Invalid integration", "The integration was not created: "
                    + violations.stream().map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")),
                    Map.of("errors", violations));
        }
        String key = IntegrationKeys.generate();
        Integration integration = Integration.create(request.team(), request.name().strip(),
                IntegrationRules.type(request.type()).orElseThrow(), IntegrationKeys.hash(key), clock.instant());
        integrations.persist(integration);
        return issued(integration, key);
    }

    @Transactional
    public List<IntegrationView> list(String team) {
        return (team == null ? integrations.all() : integrations.ofTeam(team)).stream().map(this::view).toList();
    }

    @Transactional
    public IntegrationView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public KeyIssued rotate(UUID id) {
        Integration integration = find(id);
        String key = IntegrationKeys.generate();
        integration.rotateKey(IntegrationKeys.hash(key), clock.instant());
        return issued(integration, key);
    }

    @Transactional
    public IntegrationView disable(UUID id) {
        Integration integration = find(id);
        integration.disable(clock.instant());
        return view(integration);
    }

    /**
     * Issues a new signing secret: from now on every webhook of the integration must carry
     * {@code X-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. Like a key, the secret is shown only here.
     */
    @Transactional
    public SigningSecretIssued issueSigningSecret(UUID id) {
        Integration integration = find(id);
        String secret = IntegrationKeys.generateSecret();
        integration.requireSignatures(secret);
        return new SigningSecretIssued(integration.id, secret, WebhookSignatureHeader.NAME);
    }

    /** Webhooks of the integration need no signature from now on. */
    @Transactional
    public IntegrationView dropSigningSecret(UUID id) {
        Integration integration = find(id);
        integration.dropSignatures();
        return view(integration);
    }

    /**
     * The enabled integration of {@code type} that {@code key} belongs to, if any. Unknown, rotated-away and
     * disabled keys are all simply not found: a caller learns nothing about which it was.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Integration> authenticate(String key, IntegrationType type) {
        if (!IntegrationKeys.isWellFormed(key)) {
            return Optional.empty();
        }
        return integrations.findByKeyHash(IntegrationKeys.hash(key)).filter(i -> i.enabled && i.type == type);
    }

    private Integration find(UUID id) {
        return integrations.findByIdOptional(id).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                "No such integration", "There is no integration " + id + "."));
    }

    private IntegrationView view(Integration i) {
        return new IntegrationView(i.id, i.team, i.name, i.type, i.enabled, Teams.intakeAddress(i.team, emailDomain),
                i.createdAt, i.keyRotatedAt, i.disabledAt, i.signingSecret != null);
    }

    private KeyIssued issued(Integration i, String key) {
        return new KeyIssued(i.id, i.team, i.name, i.type, i.enabled, Teams.intakeAddress(i.team, emailDomain),
                i.createdAt, i.keyRotatedAt, key);
    }
}

package io.incident.notification.template;

import io.incident.runtime.problem.ProblemException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message templates: defaults shipped in {@code notification-templates/}, replaced by whatever an operator saved.
 * Rendering is strict, so a template that names a value the notice does not have is refused when it is saved
 * (checked against sample values), not discovered when an incident needs it.
 */
@ApplicationScoped
public class TemplateStore {

    public static final List<String> NAMES = List.of("page", "active-incident", "room-topic-active",
            "room-topic-reset", "security-form", "leadership-update", "handoff-completed", "handoff-disputed",
            "blocker", "escalation-exhausted", "close-proposed", "resolved", "closed", "deadline-warned",
            "deadline-breached", "reporter-reply", "ticket", "resolved-before-command");

    private final Engine engine;
    private final EntityManager em;
    private final Clock clock;
    private final Map<String, TemplateText> defaults = new LinkedHashMap<>();
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    public TemplateStore(Engine engine, EntityManager em, Clock clock) {
        this.engine = engine;
        this.em = em;
        this.clock = clock;
        for (String name : NAMES) {
            defaults.put(name, TemplateText.parseDefault(name, resource(name)));
        }
    }

    private static String resource(String name) {
        String path = "notification-templates/" + name + ".txt";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing default template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateText get(String name) {
        TemplateText fallback = defaults.get(name);
        if (fallback == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "Unknown template",
                    "There is no template named '" + name + "'. Templates: " + String.join(", ", NAMES));
        }
        MessageTemplate saved = em.find(MessageTemplate.class, name);
        return saved == null ? fallback : new TemplateText(name, saved.subject, saved.body, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TemplateText> all() {
        return NAMES.stream().map(this::get).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RenderedMessage render(String name, Map<String, Object> values) {
        return render(get(name), values);
    }

    /** Renders {@code text}; a template that does not render is a 400 the operator can act on. */
    public RenderedMessage render(TemplateText text, Map<String, Object> values) {
        try {
            return new RenderedMessage(fill(text.subject(), values).strip(), fill(text.body(), values));
        } catch (TemplateException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Template does not render",
                    "Template '" + text.name() + "': " + e.getMessage());
        }
    }

    private String fill(String source, Map<String, Object> values) {
        Template t = parsed.computeIfAbsent(source, engine::parse);
        var instance = t.instance();
        values.forEach(instance::data);
        return instance.render();
    }

    /** Saves an operator's version after checking it renders with sample values. */
    @Transactional
    public TemplateText save(String name, String subject, String body) {
        get(name);
        if (subject == null || subject.isBlank() || body == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid template",
                    "A template needs a non-empty 'subject' and a 'body'.");
        }
        TemplateText text = new TemplateText(name, subject, body, true);
        render(text, TemplateSamples.values());
        MessageTemplate existing = em.find(MessageTemplate.class, name);
        MessageTemplate row = existing == null ? new MessageTemplate() : existing;
        row.name = name;
        row.subject = subject;
        row.body = body;
        row.updatedAt = clock.instant();
        if (existing == null) {
            em.persist(row);
        }
        return text;
    }

    /** Back to the default. */
    @Transactional
    public TemplateText reset(String name) {
        get(name);
        MessageTemplate row = em.find(MessageTemplate.class, name);
        if (row != null) {
            em.remove(row);
        }
        return defaults.get(name);
    }
}

package io.incident.intake.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * {@code POST /v2/enqueue}, wire-compatible with PagerDuty's Events API v2, so any tool that can page PagerDuty can
 * report here by changing only the URL. A Vert.x route rather than a JAX-RS resource: the platform's response
 * filter turns every JAX-RS error into problem JSON, and PagerDuty's clients parse PagerDuty's error bodies.
 * This class only maps HTTP to {@link PagerDutyIntake} and back.
 */
@ApplicationScoped
public class EnqueueRoute {

    public static final String PATH = "/v2/enqueue";
    private static final Logger LOG = Logger.getLogger(EnqueueRoute.class);
    /**
     * Bodies up to twice PagerDuty's limit are read to the end and then refused with 413, so the client gets the
     * answer rather than a reset connection; anything larger is cut off as soon as it passes this.
     */
    private static final long READ_LIMIT = 2L * PagerDutyReply.MAX_BODY_BYTES;

    private final PagerDutyIntake intake;
    private final ObjectMapper json;

    public EnqueueRoute(PagerDutyIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(READ_LIMIT))
                .blockingHandler(this::enqueue, false)
                .failureHandler(this::failed);
        // Any other method on the path is the wrong verb, not a missing page: 405 with the one method it takes.
        // Ahead of every other route, or the platform's not-found handling answers first.
        router.route(PATH).order(-1).handler(ctx -> {
            if (ctx.request().method() == HttpMethod.POST) {
                ctx.next();
                return;
            }
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            reply(ctx, 405, PagerDutyReply.methodNotAllowed(ctx.request().method().name()));
        });
    }

    private void enqueue(RoutingContext ctx) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (body.length > PagerDutyReply.MAX_BODY_BYTES) {
            reply(ctx, 413, PagerDutyReply.tooLarge());
            return;
        }
        PagerDutyEventParser.Result parsed = PagerDutyEventParser.parse(body);
        EnqueueResult result = parsed instanceof PagerDutyEventParser.Valid valid
                ? intake.accept(valid)
                : new EnqueueResult.Rejected(((PagerDutyEventParser.Invalid) parsed).errors());
        if (result instanceof EnqueueResult.Accepted accepted) {
            reply(ctx, 202, PagerDutyReply.success(accepted.dedupKey()));
        } else if (result instanceof EnqueueResult.Rejected rejected) {
            reply(ctx, 400, PagerDutyReply.invalid(rejected.errors()));
        } else if (result instanceof EnqueueResult.Throttled throttled) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000)));
            reply(ctx, 429, PagerDutyReply.throttled());
        }
    }

    private void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            reply(ctx, 413, PagerDutyReply.tooLarge());
            return;
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(ctx.failure(), "Unexpected error on %s (reference %s)", PATH, reference);
        // A 5xx tells a PagerDuty client to retry, which is right: nothing was committed.
        reply(ctx, 500, PagerDutyReply.failed(reference));
    }

    private void reply(RoutingContext ctx, int status, PagerDutyReply reply) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a PagerDuty reply", e);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }
}

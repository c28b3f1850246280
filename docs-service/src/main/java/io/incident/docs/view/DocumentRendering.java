package io.incident.docs.view;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The document as HTML for people (readable on screen and on paper) and as Markdown for a wiki, from the Qute
 * templates in {@code document-templates/}. A plain engine, not the Quarkus extension, so that rendering is a
 * function of the view alone and can be measured without starting the service.
 */
public final class DocumentRendering {

    private static final String MARKDOWN = "text/markdown";
    private static final Engine ENGINE = Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            .addValueResolver(new MarkdownResolver())
            // Escapes every value in HTML templates: titles and entries are written by reporters and responders.
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .build();
    private static final Template HTML = load("document.html", Variant.TEXT_HTML);
    private static final Template MD = load("document.md", MARKDOWN);

    private DocumentRendering() {
    }

    public static String html(DocumentView d) {
        return HTML.data("d", d).render();
    }

    public static String markdown(DocumentView d) {
        return MD.data("d", d).render();
    }

    /** Another HTML page from {@code document-templates/}, with the same escaping. */
    public static Template htmlPage(String name) {
        return load(name, Variant.TEXT_HTML);
    }

    /** Another Markdown page from {@code document-templates/}; {@code {text.md}} keeps text on one line. */
    public static Template markdownPage(String name) {
        return load(name, MARKDOWN);
    }

    static Template load(String name, String contentType) {
        try (InputStream in = DocumentRendering.class.getResourceAsStream("/document-templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Template " + name + " is missing from the build");
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ENGINE.parse(content, new Variant(Locale.ROOT, StandardCharsets.UTF_8, contentType), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code {text.md}} is text made safe for one Markdown line or table cell: reported text is untrusted, and a line
     * break in it must not start a heading or a table row of its own, nor a pipe end the cell.
     */
    private static final class MarkdownResolver implements ValueResolver {
        @Override
        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof String && context.getName().equals("md");
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            String s = (String) context.getBase();
            return CompletableFuture.completedFuture(s.replaceAll("[\\r\\n]+", " ").replace("|", "\\|"));
        }
    }
}

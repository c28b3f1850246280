package io.incident.docs.benchmark;

import io.incident.docs.view.DocumentRendering;
import io.incident.docs.view.DocumentView;
import io.incident.docs.view.DocumentViewFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendering a document with 10,000 timeline entries, as HTML and as Markdown: time per render, p50 and p99. Not part
 * of the normal build (surefire excludes *Benchmark); run it with
 * {@code ./mvnw -o test -pl docs-service -Dtest=RenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RenderBenchmark {

    static final int ENTRIES = 10_000;
    static final int WARM_UP = 30;
    static final int RUNS = 200;

    @Test
    @DisplayName("benchmark: render a 10,000-entry document (p50, p99)")
    void render() {
        DocumentView view = DocumentViewFixture.view(false, ENTRIES);
        String html = DocumentRendering.html(view);
        assertThat(html).contains("Update " + (ENTRIES - 1));
        measure("html", view, DocumentRendering::html);
        measure("markdown", view, DocumentRendering::markdown);
    }

    private static void measure(String format, DocumentView view, Function<DocumentView, String> render) {
        long bytes = 0;
        for (int i = 0; i < WARM_UP; i++) {
            bytes += render.apply(view).length();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes += render.apply(view).length();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "RenderBenchmark %s: %d entries, %d runs, p50 %.2f ms, p99 %.2f ms, max %.2f ms,"
                        + " %d KiB per render (checksum %d)%n", format, ENTRIES, RUNS, ms(nanos[RUNS / 2]),
                ms(nanos[(int) Math.ceil(RUNS * 0.99) - 1]), ms(nanos[RUNS - 1]),
                render.apply(view).length() / 1024, bytes);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}

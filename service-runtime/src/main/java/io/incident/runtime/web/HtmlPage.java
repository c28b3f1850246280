package io.incident.runtime.web;

import java.util.List;

/** The shared look of every service's dashboard: server-rendered HTML with every text escaped; pages that
 * add a script keep it inline and small. */
public final class HtmlPage {

    private HtmlPage() {
    }

    public static String render(String service, String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · %s</title>
                <style>
                body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
                header{background:#1d232a;color:#fff;padding:.8rem 1.5rem}header a{color:#9cc3ff;margin-right:1rem}
                main{padding:1rem 1.5rem;max-width:1100px}table{border-collapse:collapse;width:100%%;background:#fff}
                th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
                th{background:#eef1f4;font-weight:600}code{font-size:.9em}.muted{color:#66707a}
                .tag{display:inline-block;padding:0 .4rem;border-radius:3px;background:#e8eefc;font-size:.85em}
                </style></head><body>
                <header><strong>%s</strong> · <a href="/">dashboard</a><a href="/q/health">health</a>\
                <a href="/q/metrics">metrics</a><a href="/q/openapi">openapi</a></header>
                <main><h1>%s</h1>%s</main></body></html>
                """.formatted(escape(title), escape(service), escape(service), escape(title), body);
    }

    /** A table of already-escaped cells; {@code empty} is shown when there are no rows. */
    public static String table(List<String> headings, List<List<String>> rows, String empty) {
        if (rows.isEmpty()) {
            return "<p class=\"muted\">" + escape(empty) + "</p>";
        }
        StringBuilder sb = new StringBuilder("<table><thead><tr>");
        headings.forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            row.forEach(cell -> sb.append("<td>").append(cell).append("</td>"));
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}

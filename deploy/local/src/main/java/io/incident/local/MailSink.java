package io.incident.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Catches every e-mail the platform sends (it relays nothing) and shows it on a web page, with a JSON API for
 * scripts and tests: {@code GET /api/messages}, {@code DELETE /api/messages}.
 */
public final class MailSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GreenMail greenMail;
    private final HttpServer web;

    private MailSink(GreenMail greenMail, HttpServer web) {
        this.greenMail = greenMail;
        this.web = web;
    }

    /** Ports of 0 pick free ones; a web port of -1 starts no web page. */
    public static MailSink start(int smtpPort, int webPort) throws IOException {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(smtpPort == 0 ? smtp.dynamicPort() : smtp);
        greenMail.start();
        HttpServer web = null;
        if (webPort >= 0) {
            web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
            MailSink sink = new MailSink(greenMail, web);
            web.createContext("/api/messages", sink::api);
            web.createContext("/", sink::page);
            web.start();
            return sink;
        }
        return new MailSink(greenMail, null);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int webPort() {
        return web == null ? -1 : web.getAddress().getPort();
    }

    public List<Map<String, Object>> messages() {
        List<Map<String, Object>> out = new ArrayList<>();
        MimeMessage[] received = greenMail.getReceivedMessages();
        for (int i = 0; i < received.length; i++) {
            out.add(describe(i, received[i]));
        }
        return out;
    }

    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not clear the mail sink", e);
        }
    }

    private static Map<String, Object> describe(int index, MimeMessage m) {
        Map<String, Object> d = new LinkedHashMap<>();
        try {
            d.put("id", index);
            d.put("from", addresses(m.getFrom()));
            d.put("to", addresses(m.getAllRecipients()));
            d.put("subject", m.getSubject());
            d.put("sentAt", m.getSentDate() == null ? null : m.getSentDate().toInstant().toString());
            d.put("body", GreenMailUtil.getBody(m));
        } catch (MessagingException e) {
            d.put("error", e.getMessage());
        }
        return d;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private void api(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> send(exchange, 200, "application/json", JSON.writeValueAsBytes(messages()));
            case "DELETE" -> {
                clear();
                send(exchange, 204, "application/json", new byte[0]);
            }
            default -> send(exchange, 405, "application/problem+json", JSON.writeValueAsBytes(Map.of(
                    "title", "Method Not Allowed", "status", 405, "detail", "Use GET or DELETE.")));
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        String rows = messages().stream().map(m -> "<tr><td>" + esc(m.get("sentAt")) + "</td><td>" + esc(m.get("from"))
                + "</td><td>" + esc(m.get("to")) + "</td><td><details><summary>" + esc(m.get("subject"))
                + "</summary><pre>" + esc(m.get("body")) + "</pre></details></td></tr>").collect(Collectors.joining());
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outgoing mail</title>
                <style>body{font:15px system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;width:100%%}
                td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
                pre{white-space:pre-wrap}</style></head><body>
                <h1>Outgoing mail</h1><p>Every message the platform sent; nothing is relayed. JSON: <a href="/api/messages">/api/messages</a></p>
                <table><tr><th>Sent</th><th>From</th><th>To</th><th>Subject</th></tr>%s</table></body></html>
                """.formatted(rows.isEmpty() ? "<tr><td colspan=4>No mail yet.</td></tr>" : rows);
        send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static String esc(Object o) {
        return o == null ? "" : o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        if (web != null) {
            web.stop(0);
        }
        greenMail.stop();
    }
}

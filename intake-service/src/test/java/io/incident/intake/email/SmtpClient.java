package io.incident.intake.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare SMTP client over {@code java.net.Socket}, for tests that need to see the listener's reply codes and
 * reasons, which a mail library turns into exceptions.
 */
final class SmtpClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    SmtpClient(int port) {
        try {
            socket = new Socket("localhost", port);
            socket.setSoTimeout(20_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
            reply();
            command("EHLO tester.example.org");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command line and returns the full (possibly multi-line) reply. */
    String command(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a message body after DATA (dot-stuffed) and returns the reply to the final dot. */
    String data(String message) {
        String go = command("DATA");
        if (!go.startsWith("354")) {
            return go;
        }
        try {
            String body = message.replace("\r\n", "\n").replace("\n", "\r\n").replace("\r\n.", "\r\n..");
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.write((body.endsWith("\r\n") ? ".\r\n" : "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends bytes as they are after DATA, then the final dot, and returns the reply to it. */
    String dataBytes(byte[] message) {
        String go = command("DATA");
        if (!go.startsWith("354")) {
            return go;
        }
        try {
            out.write(message);
            out.write("\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String reply() throws IOException {
        StringBuilder sb = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                break;
            }
            sb.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return sb.toString().strip();
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT");
        } finally {
            socket.close();
        }
    }
}

package io.incident.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionSpreaderTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void spreadsNewConnectionsOverTheInstancesAndSkipsOneThatIsDown() throws Exception {
        NamedEcho first = echo("first");
        NamedEcho second = echo("second");
        ConnectionSpreader front = ConnectionSpreader.start("test", 0,
                List.of(first.server.getLocalPort(), second.server.getLocalPort()));
        open.add(front);

        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            answered.add(ask(front.port(), "ping " + i).split(":")[0]);
        }
        assertThat(answered).as("instances that answered through the front").containsExactlyInAnyOrder("first",
                "second");

        first.server.close();
        for (int i = 0; i < 4; i++) {
            assertThat(ask(front.port(), "ping " + i)).isEqualTo("second: ping " + i);
        }
    }

    @Test
    void closesTheClientsConnectionWhenItsInstanceDies() throws Exception {
        NamedEcho only = echo("only");
        ConnectionSpreader front = ConnectionSpreader.start("test", 0, List.of(only.server.getLocalPort()));
        open.add(front);
        try (Socket client = new Socket("localhost", front.port())) {
            PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            out.println("hello");
            assertThat(in.readLine()).isEqualTo("only: hello");
            only.dropConnections();
            assertThat(in.readLine()).as("end of stream once the instance's side is gone").isNull();
        }
    }

    /** One line in, one line out, prefixed with the server's name. */
    private static String ask(int port, String line) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println(line);
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    private NamedEcho echo(String name) throws IOException {
        NamedEcho e = new NamedEcho(name, new ServerSocket(0));
        open.add(e);
        Thread t = new Thread(e::serve, "echo-" + name);
        t.setDaemon(true);
        t.start();
        return e;
    }

    private record NamedEcho(String name, ServerSocket server, List<Socket> accepted) implements AutoCloseable {

        NamedEcho(String name, ServerSocket server) {
            this(name, server, new CopyOnWriteArrayList<>());
        }

        void serve() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    Thread t = new Thread(() -> answer(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void answer(Socket s) {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                for (String line; (line = in.readLine()) != null; ) {
                    out.println(name + ": " + line);
                }
            } catch (IOException gone) {
                // The test closed it.
            }
        }

        void dropConnections() throws IOException {
            for (Socket s : accepted) {
                s.close();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            dropConnections();
        }
    }
}

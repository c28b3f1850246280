package io.incident.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One port in front of several instances of a service, as a Kubernetes Service is: each new TCP connection goes to
 * the next instance that accepts it, so a killed instance is skipped at once (its port refuses) and the address
 * that people, tools and the other services use keeps working. It forwards bytes, so it serves HTTP and SMTP alike.
 * A connection that was open to an instance when it died is closed, as a real balancer would; clients reconnect.
 */
final class ConnectionSpreader implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final String name;
    private final List<Integer> instancePorts;
    private final ServerSocket listener;
    private final ExecutorService pumps;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean open = true;

    private ConnectionSpreader(String name, ServerSocket listener, List<Integer> instancePorts) {
        this.name = name;
        this.listener = listener;
        this.instancePorts = List.copyOf(instancePorts);
        AtomicInteger threads = new AtomicInteger();
        this.pumps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-front-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Listens on {@code port} (all interfaces, like the services themselves) and spreads over {@code instancePorts}. */
    static ConnectionSpreader start(String name, int port, List<Integer> instancePorts) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(port), 256);
        ConnectionSpreader spreader = new ConnectionSpreader(name, listener, instancePorts);
        Thread accept = new Thread(spreader::acceptUntilClosed, name + "-front");
        accept.setDaemon(true);
        accept.start();
        return spreader;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptUntilClosed() {
        while (open) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (open) {
                    System.err.println(name + " front stopped accepting: " + e);
                }
                return;
            }
            pumps.execute(() -> connect(client));
        }
    }

    /** Round robin over the instances, skipping any that refuses: the first one that takes the connection gets it. */
    private void connect(Socket client) {
        int start = Math.floorMod(next.getAndIncrement(), instancePorts.size());
        for (int i = 0; i < instancePorts.size(); i++) {
            int port = instancePorts.get((start + i) % instancePorts.size());
            Socket instance = new Socket();
            try {
                instance.connect(new InetSocketAddress("localhost", port), CONNECT_TIMEOUT_MILLIS);
                // Small HTTP and SMTP exchanges: Nagle's algorithm would hold each reply for a delayed ACK.
                instance.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
            } catch (IOException refused) {
                closeQuietly(instance);
                continue;
            }
            Forwarded both = new Forwarded(client, instance);
            pumps.execute(() -> both.pump(instance, client));
            both.pump(client, instance);
            return;
        }
        closeQuietly(client);
    }

    /** A client's connection and the instance's, closed together once both directions have ended. */
    private static final class Forwarded {
        private final Socket client;
        private final Socket instance;
        private final AtomicInteger ended = new AtomicInteger();

        Forwarded(Socket client, Socket instance) {
            this.client = client;
            this.instance = instance;
        }

        /** Copies one direction until it ends, then half-closes it on the other side, as the sender did. */
        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[BUFFER];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
                to.shutdownOutput();
                if (ended.incrementAndGet() < 2) {
                    return;
                }
            } catch (IOException brokenOrReset) {
                // A killed instance resets its connections: the client's is closed too, and it reconnects.
            }
            closeQuietly(client);
            closeQuietly(instance);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Stopping anyway.
        }
        pumps.shutdownNow();
    }
}

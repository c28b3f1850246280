package io.incident.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a service running as its own JVM from its packaged {@code quarkus-app}, logging to a file. The
 * first instance of a service is numbered 1; {@code ./stack up --instances 2} adds a second beside it.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int instance;
    private final Path jar;
    private final int port;
    private final Map<String, String> properties;
    private final Path logFile;
    private volatile Process process;

    ServiceProcess(Service service, int instance, Path jar, int port, Map<String, String> properties, Path logFile) {
        this.service = service;
        this.instance = instance;
        this.jar = jar;
        this.port = port;
        this.properties = properties;
        this.logFile = logFile;
    }

    public Service service() {
        return service;
    }

    /** 1 for the first instance of its service, 2 for the second, and so on. */
    public int instance() {
        return instance;
    }

    /** The module name, with the instance number from the second instance on: {@code docs-service-2}. */
    public String name() {
        return instance == 1 ? service.moduleName() : service.moduleName() + "-" + instance;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public synchronized void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name() + " is already running");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Five service JVMs, a broker and a database share two cores: keep each one small.
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(logFile.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early, with the log's tail, if the process dies. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name() + " exited with code " + process.exitValue()
                        + " during start-up. Last lines of " + logFile + ":\n" + tail(40));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name() + " was not ready after " + timeout.toSeconds()
                + " s. Last lines of " + logFile + ":\n" + tail(40));
    }

    /** SIGTERM, so the service finishes in-flight work; SIGKILL if it has not stopped in time. */
    public synchronized void stop(Duration grace) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL with no warning: what a crashed machine does to a service. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * SIGSTOP: the process keeps its sockets and state but does nothing, as a long GC pause or a stalled VM does.
     * Past the consumer session timeout the broker gives its partitions away.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + pid() + " exited with " + exit);
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}

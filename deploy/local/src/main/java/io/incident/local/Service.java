package io.incident.local;

/** The five services and their fixed default HTTP ports. */
public enum Service {
    INTAKE("intake-service", 8081),
    COMMANDER("commander-service", 8082),
    NOTIFICATION("notification-service", 8083),
    DEADLINE("deadline-service", 8084),
    DOCS("docs-service", 8085);

    private final String moduleName;
    private final int defaultPort;

    Service(String moduleName, int defaultPort) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
    }

    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }
}

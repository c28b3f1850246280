package io.incident.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void oneInstanceListensOnTheUsualPortsWithoutFronts() {
        Stack.Options o = Stack.Options.local(ROOT);
        assertThat(o.fronted()).isFalse();
        assertThat(o.instances()).singleElement().satisfies(i -> {
            assertThat(i.http()).isEqualTo(o.servicePorts());
            assertThat(i.intakeSmtp()).isEqualTo(2525);
        });
        assertThat(o.servicePorts().get(Service.INTAKE)).isEqualTo(8081);
    }

    @Test
    void secondInstancesTakeTheNextPortsBehindFrontsOnTheUsualOnes() {
        Stack.Options o = Stack.Options.local(ROOT, 2);
        assertThat(o.fronted()).isTrue();
        assertThat(o.servicePorts().get(Service.INTAKE)).isEqualTo(8081);
        assertThat(o.servicePorts().get(Service.DOCS)).isEqualTo(8085);
        assertThat(o.intakeSmtpPort()).isEqualTo(2525);
        Stack.InstancePorts first = o.instances().get(0);
        Stack.InstancePorts second = o.instances().get(1);
        assertThat(first.http().get(Service.INTAKE)).isEqualTo(8086);
        assertThat(first.http().get(Service.DOCS)).isEqualTo(8090);
        assertThat(second.http().get(Service.INTAKE)).isEqualTo(8091);
        assertThat(second.http().get(Service.DOCS)).isEqualTo(8095);
        assertThat(List.of(first.intakeSmtp(), second.intakeSmtp())).containsExactly(2526, 2527);
    }

    @Test
    void ephemeralInstancesGetPortsOfTheirOwn() throws Exception {
        Stack.Options o = Stack.Options.ephemeral(ROOT, Path.of("/tmp/run"), 2);
        List<Integer> ports = new ArrayList<>(o.servicePorts().values());
        ports.add(o.intakeSmtpPort());
        for (Stack.InstancePorts i : o.instances()) {
            ports.addAll(i.http().values());
            ports.add(i.intakeSmtp());
        }
        assertThat(ports).hasSize(18).doesNotHaveDuplicates();
    }

    @Test
    void optionsKeepTheirInstancesWhenTheClockIsMadeMovable() {
        Stack.Options o = Stack.Options.local(ROOT, 2).withMovableClock(true);
        assertThat(o.movableClock()).isTrue();
        assertThat(o.instanceCount()).isEqualTo(2);
    }
}

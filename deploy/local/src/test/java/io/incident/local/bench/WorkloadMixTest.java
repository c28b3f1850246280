package io.incident.local.bench;

import io.incident.local.bench.WorkloadMix.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadMixTest {

    @Test
    void everyWindowOfOneCycleCarriesTheWeightsExactly() {
        WorkloadMix mix = WorkloadMix.parse("alertmanager=3,resend=1,generic=2,email=2");
        List<Kind> sent = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            sent.add(mix.next());
        }
        for (int cycle = 0; cycle < 10; cycle++) {
            Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
            sent.subList(cycle * 8, cycle * 8 + 8).forEach(k -> counts.merge(k, 1, Integer::sum));
            assertThat(counts).isEqualTo(Map.of(Kind.ALERTMANAGER, 3, Kind.ALERTMANAGER_RESEND, 1, Kind.GENERIC, 2,
                    Kind.EMAIL, 2));
        }
    }

    @Test
    void theHeaviestKindIsSpreadNotBunched() {
        WorkloadMix mix = WorkloadMix.parse("alertmanager=3,email=1");
        List<Kind> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(mix.next());
        }
        // Never two e-mails in a row, and no more than three alerts in a row.
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i) == Kind.EMAIL && sent.get(i - 1) == Kind.EMAIL).isFalse();
        }
        assertThat(sent.stream().filter(k -> k == Kind.EMAIL).count()).isEqualTo(2);
    }

    @Test
    void kindsLeftOutAreNeverSentAndNonsenseIsRefused() {
        WorkloadMix mix = WorkloadMix.parse("email=1");
        assertThat(LongStream.range(0, 20).mapToObj(i -> mix.next())).containsOnly(Kind.EMAIL);
        assertThatThrownBy(() -> WorkloadMix.parse("sms=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkloadMix.parse("email=0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkloadMix.parse("email=-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsAreDueAtFixedIntervalsWhateverTheAnswersTake() {
        assertThat(WorkloadMix.dueNanos(0, 4)).isZero();
        assertThat(WorkloadMix.dueNanos(1, 4)).isEqualTo(250_000_000L);
        assertThat(WorkloadMix.dueNanos(10, 4)).isEqualTo(2_500_000_000L);
        assertThat(WorkloadMix.dueNanos(3, 3)).isEqualTo(1_000_000_000L);
    }

    @Test
    void aShareTakesThatManyOfEveryRunOfItems() {
        for (double share : new double[] {0.3, 0.25, 0.5, 1.0}) {
            for (int start = 0; start < 40; start += 10) {
                final int from = start;
                long taken = LongStream.range(from, from + 20).filter(i -> WorkloadMix.inShare(i, share)).count();
                assertThat(taken).as("share %s from %d", share, from).isEqualTo(Math.round(20 * share));
            }
        }
        assertThat(LongStream.range(0, 100).filter(i -> WorkloadMix.inShare(i, 0))).isEmpty();
    }
}

package io.incident.local.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class StepStatsTest {

    @Test
    void percentilesAreNearestRankOfAllValuesWhateverTheOrder() {
        StepStats stats = new StepStats();
        // 1..1000 ms in a scrambled order, more than the initial capacity, so the store has to grow.
        LongStream.rangeClosed(1, 1000).map(i -> (i * 7919) % 1000 + 1).forEach(ms -> stats.record(ms * 1_000_000));

        StepStats.Summary s = stats.summary();

        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50()).isEqualTo(500_000_000L);
        assertThat(s.p90()).isEqualTo(900_000_000L);
        assertThat(s.p99()).isEqualTo(990_000_000L);
        assertThat(s.max()).isEqualTo(1_000_000_000L);
        assertThat(s.perSecond(50)).isEqualTo(20.0);
    }

    @Test
    void aFewValuesRoundUpToTheNextRank() {
        StepStats.Summary s = StepStats.Summary.of(new long[] {30, 10, 20});

        assertThat(s.p50()).isEqualTo(20);
        assertThat(s.p90()).isEqualTo(30);
        assertThat(s.p99()).isEqualTo(30);
    }

    @Test
    void nothingMeasuredIsAllZeroAndErrorsAreCountedByReason() {
        StepStats stats = new StepStats();
        stats.error("HTTP 429");
        stats.error("HTTP 429");
        stats.error("SMTP 451");

        assertThat(stats.summary()).isEqualTo(new StepStats.Summary(0, 0, 0, 0, 0));
        assertThat(stats.errors()).isEqualTo(Map.of("HTTP 429", 2, "SMTP 451", 1));
        assertThat(stats.errorCount()).isEqualTo(3);
    }
}

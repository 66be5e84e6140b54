package io.realtimeblog.realtime.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.realtimeblog.realtime.presence.PresenceBudget.Verdict;

class PresenceBudgetTests {

    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    @Test
    void aBurstIsAcceptedThenFramesAreRefusedUntilTheAllowanceRefills() {
        PresenceBudget budget = new PresenceBudget(2, 5, START);
        for (int i = 0; i < 5; i++) {
            assertThat(budget.take(START)).isEqualTo(Verdict.ACCEPT);
        }
        assertThat(budget.take(START)).isEqualTo(Verdict.REFUSE);

        assertThat(budget.take(START.plusMillis(500))).isEqualTo(Verdict.ACCEPT);
        assertThat(budget.take(START.plusMillis(500))).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void asManyRefusedFramesInARowAsTheBurstMeanClose() {
        PresenceBudget budget = new PresenceBudget(1, 3, START);
        for (int i = 0; i < 3; i++) {
            budget.take(START);
        }
        assertThat(budget.take(START)).isEqualTo(Verdict.REFUSE);
        assertThat(budget.take(START)).isEqualTo(Verdict.REFUSE);
        assertThat(budget.take(START)).isEqualTo(Verdict.CLOSE);
    }

    @Test
    void anAcceptedFrameForgivesTheRefusedOnes() {
        PresenceBudget budget = new PresenceBudget(1, 3, START);
        for (int i = 0; i < 5; i++) {
            budget.take(START);
        }
        assertThat(budget.take(START.plusSeconds(1))).isEqualTo(Verdict.ACCEPT);
        assertThat(budget.take(START.plusSeconds(1))).isEqualTo(Verdict.REFUSE);
        assertThat(budget.take(START.plusSeconds(1))).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void aRenewalIsWrittenOnlyOnceHalfTheLeaseIsGoneOrTheNameChanged() {
        PresenceBudget budget = new PresenceBudget(1, 10, START);
        UUID post = UUID.randomUUID();
        assertThat(budget.needsWrite(post, "Ana", START, TTL)).isTrue();
        budget.wrote(post, "Ana", START.plus(TTL));

        assertThat(budget.needsWrite(post, "Ana", START.plusSeconds(10), TTL)).isFalse();
        assertThat(budget.needsWrite(post, "Ana Lima", START.plusSeconds(10), TTL)).isTrue();
        assertThat(budget.needsWrite(post, "Ana", START.plusSeconds(15), TTL)).isTrue();
        assertThat(budget.needsWrite(UUID.randomUUID(), "Ana", START.plusSeconds(10), TTL)).isTrue();
    }

    @Test
    void anEndedLeaseIsWrittenAgainWhenTheEditorReturns() {
        PresenceBudget budget = new PresenceBudget(1, 10, START);
        UUID post = UUID.randomUUID();
        budget.wrote(post, "Ana", START.plus(TTL));

        budget.ended(post);

        assertThat(budget.needsWrite(post, "Ana", START.plusSeconds(1), TTL)).isTrue();
    }
}

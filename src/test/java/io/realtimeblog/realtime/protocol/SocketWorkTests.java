package io.realtimeblog.realtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.realtimeblog.realtime.RealtimeProperties;

/** The sockets' lanes: in order, one task at a time, bounded, and a waiting lane holds up no other. */
class SocketWorkTests {

    private static final int MAX_PENDING = 4;

    private final SocketWork work = started(properties(2, MAX_PENDING));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        work.stop();
    }

    @Test
    void aLanesTasksRunInTheOrderTheyCameOneAtATimeOnTheWorkThreads() {
        SocketWork roomy = started(properties(2, 1000));
        List<SocketWork.Lane> lanes = List.of(roomy.lane(), roomy.lane(), roomy.lane());
        List<List<Integer>> ran = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
                new CopyOnWriteArrayList<>());
        List<AtomicInteger> running = List.of(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        List<String> overlaps = new CopyOnWriteArrayList<>();
        List<String> threadNames = new CopyOnWriteArrayList<>();
        int tasks = 300;
        for (int i = 0; i < tasks; i++) {
            for (int lane = 0; lane < lanes.size(); lane++) {
                int mine = lane;
                int number = i;
                Runnable task = () -> {
                    if (running.get(mine).incrementAndGet() > 1) {
                        overlaps.add("lane " + mine + " task " + number);
                    }
                    threadNames.add(Thread.currentThread().getName());
                    ran.get(mine).add(number);
                    running.get(mine).decrementAndGet();
                };
                assertThat(lanes.get(mine).offer(task)).isTrue();
            }
        }

        Awaitility.await().until(() -> ran.stream().allMatch(list -> list.size() == tasks));
        roomy.stop();
        List<Integer> inOrder = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            inOrder.add(i);
        }
        assertThat(ran).allSatisfy(list -> assertThat(list).containsExactlyElementsOf(inOrder));
        assertThat(overlaps).isEmpty();
        assertThat(threadNames).allMatch(name -> name.matches("realtime-work-[12]"));
    }

    @Test
    void aFullLaneRefusesTheNextTaskAndTakesTasksAgainOnceItDrained() throws Exception {
        SocketWork.Lane lane = work.lane();
        CountDownLatch started = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        assertThat(lane.offer(() -> {
            started.countDown();
            await(release);
        })).isTrue();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < MAX_PENDING; i++) {
            int number = i;
            assertThat(lane.offer(() -> ran.add(number))).as("task %d", i).isTrue();
        }

        assertThat(lane.offer(() -> ran.add(-1))).as("one more than the lane holds").isFalse();

        release.countDown();
        Awaitility.await().until(() -> ran.size() == MAX_PENDING);
        assertThat(lane.offer(() -> ran.add(MAX_PENDING))).isTrue();
        Awaitility.await().until(() -> ran.size() == MAX_PENDING + 1);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aLaneWhoseTaskWaitsHoldsUpNoOtherLane() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        SocketWork.Lane stuck = work.lane();
        stuck.offer(() -> {
            started.countDown();
            await(release);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        stuck.offer(() -> { });
        CountDownLatch others = new CountDownLatch(20);

        for (int i = 0; i < 20; i++) {
            work.lane().offer(others::countDown);
        }

        assertThat(others.await(10, TimeUnit.SECONDS)).as("every other lane's task ran").isTrue();
    }

    @Test
    void aTaskThatNeverWaitsRunsOnTheCallersThreadOnlyWhileItsLaneIsIdle() throws Exception {
        SocketWork.Lane lane = work.lane();
        List<String> ran = new CopyOnWriteArrayList<>();
        String caller = Thread.currentThread().getName();

        lane.runHereOrOffer(() -> ran.add("idle on " + Thread.currentThread().getName()));
        CountDownLatch started = new CountDownLatch(1);
        lane.offer(() -> {
            started.countDown();
            await(release);
            ran.add("held");
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        lane.runHereOrOffer(() -> ran.add("busy on " + Thread.currentThread().getName()));
        assertThat(ran).containsExactly("idle on " + caller);
        release.countDown();

        Awaitility.await().until(() -> ran.size() == 3);
        assertThat(ran.get(1)).isEqualTo("held");
        assertThat(ran.get(2)).startsWith("busy on realtime-work-");
    }

    @Test
    void workHandedInAfterAStopIsDroppedAndAfterAStartAgainRuns() {
        SocketWork.Lane lane = work.lane();
        List<String> ran = new CopyOnWriteArrayList<>();
        work.stop();

        assertThat(lane.offer(() -> ran.add("while stopped"))).isTrue();
        work.start();
        lane.offer(() -> ran.add("after the start"));

        Awaitility.await().until(() -> ran.contains("after the start"));
        assertThat(ran).containsExactly("after the start");
    }

    @Test
    void anEndedLaneDropsWhatWaitsRunsItsLastTaskAfterTheOneUnderWayAndTakesNothingMore() throws Exception {
        SocketWork.Lane lane = work.lane();
        CountDownLatch started = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        lane.offer(() -> {
            started.countDown();
            await(release);
            ran.add("under way");
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        lane.offer(() -> ran.add("waiting"));

        lane.end(() -> ran.add("last"));
        assertThat(lane.offer(() -> ran.add("after the end"))).isTrue();
        release.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ran.contains("last"));
        work.stop();
        assertThat(ran).containsExactly("under way", "last");
    }

    private static SocketWork started(RealtimeProperties properties) {
        SocketWork work = new SocketWork(properties);
        work.start();
        return work;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static RealtimeProperties properties(int workThreads, int maxPendingFrames) {
        return new RealtimeProperties(List.of("*"), Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(60), 100, 100, 4096, Duration.ofSeconds(30), 1, 10, 100, 1, 10, 1,
                Duration.ofSeconds(5), workThreads, maxPendingFrames);
    }
}

package dev.chime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.store.FinishedAttempt;
import dev.chime.store.NewRun;
import dev.chime.store.RunStore;
import dev.chime.store.Store;
import dev.chime.store.StoreException;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import dev.chime.testing.FakeClock;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outcomes recorded in groups, on a real H2 store: what ends while a group is written makes the
 * next group, and a group the database refuses is recorded one outcome at a time.
 */
class RecorderTest {
  private static final Instant T0 = Instant.parse("2026-03-07T09:00:00Z");

  @TempDir Path folder;
  private final FakeClock clock = new FakeClock(T0);
  private Store store;
  private Recorder recorder;

  @BeforeEach
  void open() {
    store = JdbcStores.embedded(folder, StoreConfig.defaults(clock));
    store.namespaces().create(new Namespace("billing", URI.create("http://127.0.0.1:1"),
        Namespace.Environment.PRODUCTION, Map.of()), "secret", "token-hash");
  }

  @AfterEach
  void close() {
    if (recorder != null) {
      recorder.close();
    }
    store.close();
  }

  @Test
  void aGroupTheDatabaseRefuses_isRecordedOneByOne_soOnlyTheRefusedOutcomeIsLost()
      throws Exception {
    List<ClaimedRun> claims = claims(6);
    ClaimedRun refused = claims.get(3);
    CountDownLatch firstWriteHeld = new CountDownLatch(1);
    CountDownLatch releaseFirstWrite = new CountDownLatch(1);
    List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
    RunStore runs = failingFor(refused, store.runs(), ids -> {
      groups.add(ids);
      if (groups.size() == 1) { // hold the first write, so the other outcomes queue behind it
        firstWriteHeld.countDown();
        await(releaseFirstWrite);
      }
    });
    List<Recorder.Recording> recordings = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch allTold = new CountDownLatch(claims.size());
    recorder = new Recorder(runs, clock, (group, told) -> {
      for (Recorder.Recording r : told) {
        recordings.add(r);
        allTold.countDown();
      }
    });

    recorder.record(succeeded(claims.getFirst()));
    await(firstWriteHeld);
    claims.subList(1, claims.size()).forEach(c -> recorder.record(succeeded(c)));
    releaseFirstWrite.countDown();
    await(allTold);

    assertThat(groups.get(1)).as("the outcomes that ended during the first write, together")
        .hasSize(5);
    assertThat(recordings).containsOnly(Recorder.Recording.RECORDED, Recorder.Recording.FAILED)
        .filteredOn(r -> r == Recorder.Recording.FAILED).hasSize(1);
    for (ClaimedRun claim : claims) {
      Run run = store.runs().find(claim.run().id()).orElseThrow();
      if (claim == refused) {
        // Still under its lease: when it expires, the run is sent again as its next attempt.
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(store.runs().attempts(run.id())).isEmpty();
      } else {
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(store.runs().attempts(run.id())).hasSize(1);
      }
    }
  }

  @Test
  void anOutcomeWhoseRunWasTakenOver_isReportedSo_andWritesNothing() throws Exception {
    ClaimedRun stale = claims(1).getFirst();
    Instant afterTheLease = T0.plus(Duration.ofMinutes(2));
    store.runs().claimAttempts(afterTheLease, "replica-b", Duration.ofMinutes(1), 10);
    CountDownLatch told = new CountDownLatch(1);
    List<Recorder.Recording> recordings = Collections.synchronizedList(new ArrayList<>());
    recorder = new Recorder(store.runs(), clock, (group, r) -> {
      recordings.addAll(List.of(r));
      told.countDown();
    });

    recorder.record(succeeded(stale));
    await(told);

    assertThat(recordings).containsExactly(Recorder.Recording.TAKEN_OVER);
    assertThat(store.runs().attempts(stale.run().id())).isEmpty();
  }

  private List<ClaimedRun> claims(int count) {
    for (int i = 0; i < count; i++) {
      store.runs().insert(new NewRun(String.format("run-%02d", i), "billing", "job-" + i,
          Trigger.MANUAL, T0, RunStatus.PENDING, "", T0), T0);
    }
    return store.runs().claimAttempts(T0, "replica-a", Duration.ofMinutes(1), count);
  }

  private static Recorder.Ended succeeded(ClaimedRun claim) {
    return new Recorder.Ended(claim, null, new AttemptResult(new Attempt(
        claim.run().id(), claim.attempt(), T0, Duration.ofMillis(5), 200, "", "ok"),
        RunStatus.SUCCEEDED, null, ""));
  }

  /** The store, refusing any write of attempts that includes {@code refused}'s. */
  private static RunStore failingFor(ClaimedRun refused, RunStore runs, Writes writes) {
    return (RunStore) Proxy.newProxyInstance(RunStore.class.getClassLoader(),
        new Class<?>[] {RunStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("finishAttempts")) {
            @SuppressWarnings("unchecked")
            List<FinishedAttempt> finished = (List<FinishedAttempt>) args[0];
            writes.seen(finished.stream().map(a -> a.claim().run().id()).toList());
            if (finished.stream().anyMatch(a -> a.claim() == refused)) {
              throw new StoreException("simulated: the database refused a row", null);
            }
          }
          if (method.isDefault()) { // through the proxy, so that it reaches the code above
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          try {
            return method.invoke(runs, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @FunctionalInterface
  private interface Writes {
    void seen(List<String> runIds);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("waited 10 s").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

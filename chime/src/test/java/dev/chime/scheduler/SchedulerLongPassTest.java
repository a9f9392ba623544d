package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.delivery.Backoff;
import dev.chime.store.RunStore;
import dev.chime.store.Store;
import dev.chime.testing.Receiver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst on a slow database makes one pass of the loop last longer than a lease. The attempts
 * it starts late in the pass must still hold their runs when it ends, or another replica takes
 * them over and sends them again (issue 5: a lease counts from when it is taken).
 */
class SchedulerLongPassTest {
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration SLOW_CLAIM = Duration.ofSeconds(25);

  @TempDir Path folder;
  private SchedulerFixture f;
  private Scheduler slow;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() {
    f = new SchedulerFixture(folder, "2026-03-07T08:59:30Z");
    // One fire per claiming transaction, and each transaction takes 25 s of the clock.
    slow = new Scheduler(slowClaims(f.store), f.dispatcher, new Backoff(new SplittableRandom(3)),
        f.clock, new SchedulerConfig("slow", Duration.ofMinutes(1), 1, LEASE,
            Duration.ofSeconds(10)), () -> UUID.randomUUID().toString());
  }

  @AfterEach
  void stop() {
    release.countDown();
    slow.close();
    f.close();
  }

  @Test
  void attemptsStartedLateInALongPass_stillHoldTheirRunsWhenItEnds() throws Exception {
    f.receiver.answering((request, exchange) -> {
      release.await(10, TimeUnit.SECONDS);
      Receiver.reply(exchange, 200, "ok");
    });
    for (int i = 0; i < 5; i++) {
      f.put(schedule("job-" + i, "0 9 * * *"));
    }
    f.clock.set(Instant.parse("2026-03-07T09:00:00Z"));

    slow.runOnce(); // five claims of 25 s each: the pass ends 125 s after it began
    for (int i = 0; i < 5; i++) {
      f.next();
    }

    assertThat(f.store.runs().claimAttempts(f.clock.instant(), "another-replica", LEASE, 10))
        .as("runs another replica could take over as the pass ends").isEmpty();
    release.countDown();
    assertThat(slow.awaitIdle(Duration.ofSeconds(10))).isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(f.onlyRun("job-" + i).attempts()).isEqualTo(1);
    }
  }

  /** The store, with every claim of due fires taking {@link #SLOW_CLAIM} of the fake clock. */
  private Store slowClaims(Store store) {
    RunStore runs = (RunStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {RunStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("claimDueFires")) {
            f.clock.advance(SLOW_CLAIM);
          }
          return invoke(method, store.runs(), args);
        });
    return (Store) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Store.class}, (proxy, method, args) ->
            method.getName().equals("runs") ? runs : invoke(method, store, args));
  }

  private static Object invoke(Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

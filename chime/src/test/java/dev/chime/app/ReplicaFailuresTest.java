package dev.chime.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.app.ReplicaCluster.Received;
import dev.chime.app.ReplicaCluster.RunRow;
import dev.chime.schedule.Attempt;
import dev.chime.schedule.Delivery;
import dev.chime.testing.TcpProxy;
import dev.chime.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas on one PostgreSQL when things fail (issue 5): a replica killed with SIGKILL in the
 * middle of its deliveries, and the database out of reach for 30 seconds. Nothing is lost, no
 * fire runs twice, and the replicas recover by themselves. Real processes, a real receiver, the
 * real database behind a loopback proxy the test cuts; time simulated as in {@link ReplicasTest}.
 */
class ReplicaFailuresTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder;
  private ReplicaCluster cluster;

  @BeforeAll
  static void serverAnswers() {
    TestDatabases.requireServer("ReplicaFailuresTest");
  }

  @BeforeEach
  void create() {
    cluster = new ReplicaCluster(folder);
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aReplicaKilledMidDelivery_losesNothing_andAnotherResumesItsRuns_asTheNextAttempt()
      throws Exception {
    int schedules = 15;
    cluster.namespaces("crash");
    Instant fire = cluster.nextMinuteAfter(Duration.ofSeconds(30));
    for (int i = 0; i < schedules; i++) {
      cluster.schedule("crash", "job-" + i, onceAt(fire), Delivery.Catchup.LATEST);
    }
    // Small claims, so that the three replicas share the fires; a short lease, so that the
    // dead replica's runs are resumed within seconds.
    List<ChildChime> replicas = cluster.start(3, "replica", List.of(),
        List.of("--lease-seconds", "4", "--batch-size", "3"));
    cluster.hold(received -> received.attempt() == 1);
    cluster.jumpToJustBefore(fire);
    cluster.await("every first attempt held by the receiver", WAIT,
        () -> cluster.deliveries.size() == schedules);

    Map<String, Set<String>> runsByOwner = cluster.runs().stream()
        .filter(r -> r.leaseOwner() != null).collect(Collectors.groupingBy(
        RunRow::leaseOwner, Collectors.mapping(RunRow::id, Collectors.toSet())));
    ChildChime victim = replicas.stream()
        .max(Comparator.comparingInt(r -> runsOf(runsByOwner, r).size())).orElseThrow();
    Set<String> lost = runsOf(runsByOwner, victim);
    assertThat(lost).as("runs in flight in the replica to kill").isNotEmpty();
    assertThat(victim.kill()).isEqualTo(137);
    cluster.releaseHeld();

    cluster.await("every run succeeded", WAIT,
        () -> cluster.count(fire, "succeeded") == schedules);
    List<RunRow> runs = cluster.runs();
    assertThat(runs).as("one run per fire").hasSize(schedules)
        .extracting(RunRow::schedule).doesNotHaveDuplicates();
    Map<String, List<Received>> delivered = cluster.deliveriesByRun();
    for (RunRow run : runs) {
      List<Integer> attempts = delivered.get(run.id()).stream().map(Received::attempt).toList();
      List<Attempt> recorded = cluster.store.runs().attempts(run.id());
      if (lost.contains(run.id())) {
        // Attempt 1 died with its replica unrecorded; another sent attempt 2, same run id.
        assertThat(attempts).as("deliveries of %s", run.id()).containsExactly(1, 2);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(recorded).extracting(Attempt::number).containsExactly(2);
      } else {
        assertThat(attempts).as("deliveries of %s", run.id()).containsExactly(1);
        assertThat(recorded).extracting(Attempt::number).containsExactly(1);
      }
    }
    for (ChildChime survivor : replicas) {
      if (survivor != victim) {
        ReplicaCluster.assertReady(survivor, 200);
      }
    }
  }

  @Test
  void theDatabaseOutOfReachFor30Seconds_replicasRecoverByThemselves_andCatchUpByPolicy()
      throws Exception {
    TcpProxy proxy = cluster.proxy();
    cluster.namespaces("outage");
    List<Delivery.Catchup> policies = List.of(Delivery.Catchup.LATEST, Delivery.Catchup.ALL,
        Delivery.Catchup.SKIP);
    for (Delivery.Catchup policy : policies) {
      for (int i = 0; i < 3; i++) {
        cluster.schedule("outage", policy.id() + "-" + i, "* * * * *", policy);
      }
    }
    List<ChildChime> replicas =
        cluster.start(2, "replica", cluster.urlThrough(proxy), List.of(), List.of());
    Instant before = cluster.nextMinuteAfter(Duration.ofSeconds(1));
    cluster.jumpToJustBefore(before);
    cluster.await("the fire before the outage", WAIT, () -> cluster.count(before, "succeeded")
        == 9);

    proxy.cut();
    long cutAt = System.nanoTime();
    for (ChildChime replica : replicas) {
      cluster.await("/readyz says the store is down", WAIT, () -> {
        ChildChime.Response ready = replica.get("/readyz", ReplicaCluster.ADMIN);
        return ready.status() == 503 && ready.body().contains("the store does not answer");
      });
    }
    // Minutes pass for Chime while the database is away: the fires in them are late.
    cluster.time.jumpBy(Duration.ofMinutes(5));
    while (System.nanoTime() - cutAt < TimeUnit.SECONDS.toNanos(30)) {
      assertThat(replicas).allSatisfy(r -> assertThat(r.isAlive()).as("alive").isTrue());
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
    proxy.restore();

    for (ChildChime replica : replicas) {
      cluster.await("ready again", WAIT,
          () -> replica.get("/readyz", ReplicaCluster.ADMIN).status() == 200);
    }
    Instant caughtUp = cluster.nextMinuteAfter(Duration.ZERO).minusSeconds(60);
    cluster.await("every schedule caught up to " + caughtUp, WAIT,
        () -> cluster.runs().stream().filter(r -> r.fireAt().equals(caughtUp)
            && !r.status().equals("pending") && !r.status().equals("running")).count() == 9);

    List<RunRow> runs = cluster.runs();
    Map<String, List<RunRow>> bySchedule = runs.stream()
        .collect(Collectors.groupingBy(RunRow::schedule));
    assertThat(bySchedule).hasSize(9);
    for (var entry : bySchedule.entrySet()) {
      Delivery.Catchup policy = Delivery.Catchup.valueOf(
          entry.getKey().substring(0, entry.getKey().indexOf('-')).toUpperCase(Locale.ROOT));
      assertCaughtUp(entry.getKey(), policy, entry.getValue(), before);
    }
    Map<String, List<Received>> delivered = cluster.deliveriesByRun();
    for (RunRow run : runs) {
      if (run.status().equals("missed")) {
        assertThat(delivered).doesNotContainKey(run.id());
      } else if (run.status().equals("succeeded")) {
        assertThat(delivered.get(run.id())).as("deliveries of %s", run.id()).hasSize(1);
      }
    }
    // Each replica said when the database went away and when it came back, once each.
    for (ChildChime replica : replicas) {
      cluster.await("the replica says the database is back", WAIT,
          () -> replica.log().contains("the database answers again after")
              && replica.log().contains("the notification session to the database is back"));
      assertThat(replica.log())
          .containsOnlyOnce("the database does not answer")
          .containsOnlyOnce("lost the notification session to the database")
          .doesNotContain("scheduler pass failed");
    }
  }

  /**
   * One run per fire minute from the one before the outage on, without a gap; the fires that
   * were late when the database came back follow the schedule's catch-up policy.
   */
  private static void assertCaughtUp(String schedule, Delivery.Catchup policy,
      List<RunRow> runs, Instant before) {
    List<RunRow> byFire = runs.stream().sorted(Comparator.comparing(RunRow::fireAt)).toList();
    List<Instant> fires = byFire.stream().map(RunRow::fireAt)
        .filter(t -> !t.isBefore(before)).toList();
    for (int i = 0; i < fires.size(); i++) {
      assertThat(fires.get(i)).as("fire %d of %s", i, schedule)
          .isEqualTo(before.plusSeconds(60L * i));
    }
    List<RunRow> late = byFire.stream().filter(r -> r.trigger().equals("catchup")).toList();
    assertThat(late).as("late fires of %s", schedule).hasSizeGreaterThanOrEqualTo(3);
    List<String> statuses = late.stream().map(RunRow::status).toList();
    switch (policy) {
      case SKIP -> assertThat(statuses).containsOnly("missed");
      case ALL -> assertThat(statuses).containsOnly("succeeded");
      case LATEST -> {
        assertThat(statuses.getLast()).isEqualTo("succeeded");
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly("missed");
      }
    }
    assertThat(byFire).filteredOn(r -> !r.trigger().equals("catchup"))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo("succeeded"));
  }

  private static Set<String> runsOf(Map<String, Set<String>> runsByOwner, ChildChime replica) {
    return runsByOwner.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().endsWith("/" + replica.pid()))
        .map(Map.Entry::getValue).findFirst().orElse(Set.of());
  }

  /** A cron that fires at {@code instant} (a whole minute, UTC) and then not for a year. */
  private static String onceAt(Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    return t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " " + t.getMonthValue()
        + " *";
  }
}

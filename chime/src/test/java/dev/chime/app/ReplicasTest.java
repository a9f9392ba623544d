package dev.chime.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.app.ReplicaCluster.Received;
import dev.chime.app.ReplicaCluster.RunRow;
import dev.chime.schedule.Delivery;
import dev.chime.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas of {@code chime serve} in separate JVMs on one PostgreSQL (issue 5): every fire has
 * exactly one run and every run reaches the receiver, however many replicas claim, whatever
 * their machines' clocks say, and a change made through one is acted on by the others at once.
 * Time is simulated ({@link dev.chime.testing.SimulatedTime}): the test moves every replica's
 * clock to just before the next fire minute instead of waiting for it; waits on outcomes poll
 * the database or the receiver with a bound.
 */
class ReplicasTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder;
  private ReplicaCluster cluster;

  @BeforeAll
  static void serverAnswers() {
    TestDatabases.requireServer("ReplicasTest");
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
  void threeReplicas_1000Schedules_everyFireHasOneRun_andEveryRunReachesTheReceiverOnce()
      throws Exception {
    int schedules = 1000;
    int minutes = 5;
    List<String> namespaces = List.of("ns-0", "ns-1", "ns-2", "ns-3", "ns-4");
    cluster.namespaces(namespaces.toArray(String[]::new));
    Instant created = cluster.time.now();
    for (int i = 0; i < schedules; i++) {
      cluster.schedule(namespaces.get(i % namespaces.size()), "job-" + i, "* * * * *",
          Delivery.Catchup.LATEST);
    }
    cluster.start(3, "replica", List.of(), List.of("--max-in-flight", "64"));

    Instant fire = cluster.nextMinuteAfter(Duration.ofSeconds(1));
    for (int minute = 0; minute < minutes; minute++) {
      Instant at = fire;
      cluster.jumpToJustBefore(at);
      cluster.await(schedules + " runs of the fire at " + at + " succeeded", WAIT,
          () -> cluster.count(at, "succeeded") == schedules);
      fire = fire.plus(Duration.ofMinutes(1));
    }
    Instant last = fire.minus(Duration.ofMinutes(1));

    // Every fire minute since the schedules were made (the test's and any passed while the
    // replicas started), each schedule once, on time.
    Set<Instant> fires = new HashSet<>();
    for (Instant t = firstMinuteAfter(created); !t.isAfter(last); t = t.plusSeconds(60)) {
      fires.add(t);
    }
    List<RunRow> runs = cluster.runs();
    assertThat(runs).hasSize(schedules * fires.size())
        .allSatisfy(run -> {
          assertThat(run.trigger()).isEqualTo("schedule");
          assertThat(run.status()).isEqualTo("succeeded");
          assertThat(run.attempts()).as(() -> "attempts of " + run + ": "
              + cluster.store.runs().attempts(run.id())).isEqualTo(1);
        });
    Map<String, Set<Instant>> firesBySchedule = runs.stream().collect(Collectors.groupingBy(
        r -> r.namespace() + "/" + r.schedule(),
        Collectors.mapping(RunRow::fireAt, Collectors.toSet())));
    assertThat(firesBySchedule).hasSize(schedules)
        .allSatisfy((schedule, at) -> assertThat(at).isEqualTo(fires));

    Map<String, List<Received>> delivered = cluster.deliveriesByRun();
    assertThat(delivered.keySet()).as("run ids that reached the receiver")
        .isEqualTo(runs.stream().map(RunRow::id).collect(Collectors.toSet()));
    assertThat(delivered.values()).as("deliveries per run").allSatisfy(d -> assertThat(d)
        .singleElement().satisfies(r -> assertThat(r.attempt()).isEqualTo(1)));
  }

  @Test
  void twoReplicasWhoseClocksDisagreeByMinutes_runOnTheDatabasesTime_andFireEachScheduleOnce()
      throws Exception {
    cluster.namespaces("skew");
    ChildChime behind = cluster.start(1, "behind", List.of("--skew-ms", "-180000"), List.of())
        .getFirst();
    ChildChime ahead = cluster.start(1, "ahead", List.of("--skew-ms", "180000"), List.of())
        .getFirst();
    assertThat(behind.log()).containsPattern("WARN .*this machine's clock is (3 min 0|2 min 59) s"
        + " behind the database's");
    assertThat(ahead.log()).containsPattern("WARN .*this machine's clock is (3 min 0|2 min 59) s"
        + " ahead of the database's");

    // Made just after a fire minute, through both replicas: each counts its first fire from
    // the same (database) time, the next minute, not from three minutes before or after it.
    cluster.jumpToJustBefore(cluster.nextMinuteAfter(Duration.ofSeconds(1)).plusSeconds(5));
    Instant first = cluster.nextMinuteAfter(Duration.ZERO);
    for (int i = 0; i < 20; i++) {
      ChildChime through = i % 2 == 0 ? behind : ahead;
      ChildChime.Response made = through.post("/v1/namespaces/skew/schedules", ReplicaCluster.ADMIN,
          "{\"name\": \"job-" + i + "\", \"cron\": \"* * * * *\", \"endpoint\": \"/jobs/" + i
              + "\"}");
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      assertThat(Instant.parse(made.json().get("nextFireAt").asText())).isEqualTo(first);
    }

    Instant second = first.plusSeconds(60);
    for (Instant fire : List.of(first, second)) {
      cluster.jumpToJustBefore(fire);
      cluster.await("20 runs of the fire at " + fire, WAIT,
          () -> cluster.count(fire, "succeeded") == 20);
    }
    assertThat(cluster.runs()).hasSize(40).allSatisfy(run -> {
      assertThat(run.fireAt()).isIn(first, second);
      assertThat(run.trigger()).isEqualTo("schedule");
    });
    assertThat(cluster.deliveries).hasSize(40).allSatisfy(received ->
        assertThat(Duration.between(received.firedAt(), received.arrived()))
            .as("sent on time, not minutes early or late")
            .isBetween(Duration.ZERO, Duration.ofSeconds(3)));

    // Leases too are on the database's time: one taken by either replica runs a minute from
    // the database's now, and neither takes over the other's attempt while it is held.
    cluster.hold(received -> received.schedule().equals("job-0"));
    ChildChime.Response run = behind.post("/v1/namespaces/skew/schedules/job-0/trigger",
        ReplicaCluster.ADMIN, "");
    assertThat(run.status()).as(run.body()).isEqualTo(201);
    String runId = run.json().get("id").asText();
    cluster.await("the manual run is held by the receiver", WAIT,
        () -> cluster.deliveriesByRun().containsKey(runId));
    RunRow held = cluster.runs().stream().filter(r -> r.id().equals(runId)).findFirst()
        .orElseThrow();
    // (The replicas' time is the database's plus the simulated shift; this JVM's clock plus
    // the shift is the same time, the database being on this machine.)
    assertThat(Duration.between(cluster.time.now(), held.leaseExpiresAt()))
        .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
    cluster.releaseHeld();
    cluster.await("the manual run succeeded", WAIT, () -> cluster.runs().stream()
        .anyMatch(r -> r.id().equals(runId) && r.status().equals("succeeded")));
    assertThat(cluster.deliveriesByRun().get(runId)).as("one attempt").hasSize(1);
  }

  @Test
  void aScheduleMadeThroughOneReplica_isFiredOnTimeByAnother_wokenByItsNotification()
      throws Exception {
    cluster.namespaces("wake");
    ChildChime a = cluster.start(1, "a", List.of(), List.of()).getFirst();
    // B looks for due work by itself once an hour: only a notification can tell it in time.
    ChildChime b = cluster.start(1, "b", List.of(), List.of("--poll-seconds", "3600"))
        .getFirst();
    Instant fire = cluster.nextMinuteAfter(Duration.ofSeconds(15));
    cluster.time.jumpTo(fire.minusSeconds(10));

    ChildChime.Response made = a.post("/v1/namespaces/wake/schedules", ReplicaCluster.ADMIN,
        "{\"name\": \"soon\", \"cron\": \"* * * * *\", \"endpoint\": \"/jobs/soon\"}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(Instant.parse(made.json().get("nextFireAt").asText())).isEqualTo(fire);
    // A is gone before the fire: B must claim it.
    assertThat(a.kill()).isEqualTo(137);

    cluster.await("the fire at " + fire + " reached the receiver", Duration.ofSeconds(30),
        () -> !cluster.deliveries.isEmpty());
    Received received = cluster.deliveries.peek();
    assertThat(received.firedAt()).isEqualTo(fire);
    assertThat(Duration.between(fire, received.arrived())).as("lateness")
        .isBetween(Duration.ZERO, Duration.ofSeconds(2));
    ReplicaCluster.assertReady(b, 200);
    assertThat(new ArrayList<>(cluster.deliveries)).hasSize(1);
  }

  private static Instant firstMinuteAfter(Instant t) {
    return Instant.ofEpochSecond((Math.floorDiv(t.getEpochSecond(), 60) + 1) * 60);
  }
}

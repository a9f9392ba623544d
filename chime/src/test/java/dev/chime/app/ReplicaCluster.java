package dev.chime.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Delivery;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import dev.chime.testing.Receiver;
import dev.chime.testing.SimulatedTime;
import dev.chime.testing.TcpProxy;
import dev.chime.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Several {@code chime serve} replicas (child JVMs, {@link ChildChime#replica}) on a PostgreSQL
 * database of their own, on one {@link SimulatedTime}, calling one receiver on loopback that
 * counts every request by run id. The test reads the database directly to check what the
 * replicas wrote. Everything talks to loopback only and stops when closed.
 */
final class ReplicaCluster implements AutoCloseable {
  static final String ADMIN = ChildChime.ADMIN;

  /** A request as the receiver saw it, with its arrival in simulated time. */
  record Received(String runId, int attempt, String schedule, Instant firedAt, Instant arrived) {}

  /** A row of the runs table. */
  record RunRow(String id, String namespace, String schedule, Instant fireAt, String trigger,
      String status, int attempts, String leaseOwner, Instant leaseExpiresAt) {}

  final Path folder;
  final String database = TestDatabases.create();
  final String url = TestDatabases.urlOf(database);
  final SimulatedTime time;
  final Receiver receiver = Receiver.start();
  final Store store;
  final Queue<Received> deliveries = new ConcurrentLinkedQueue<>();
  private final List<ChildChime> replicas = new ArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private volatile Predicate<Received> hold = d -> false;
  private volatile CountDownLatch release = new CountDownLatch(0);

  ReplicaCluster(Path folder) {
    this.folder = folder;
    this.time = SimulatedTime.in(folder);
    InstantSource clock = time.over(InstantSource.system());
    // Opened first, so that the schema is migrated once, before any replica starts.
    this.store = JdbcStores.open(url, new StoreConfig(clock, 4, Duration.ofSeconds(5)));
    receiver.answering((request, exchange) -> {
      Received delivery = new Received(request.header("X-Chime-Run-Id"),
          Integer.parseInt(request.header("X-Chime-Attempt")), request.header("X-Schedule-Name"),
          Instant.parse(request.header("X-Fired-At")), time.now());
      deliveries.add(delivery);
      if (hold.test(delivery)) {
        release.await(60, TimeUnit.SECONDS);
      }
      Receiver.reply(exchange, 200, "ok");
    });
  }

  /** From now on, requests matching {@code which} are held until {@link #releaseHeld}. */
  void hold(Predicate<Received> which) {
    release = new CountDownLatch(1);
    hold = which;
  }

  void releaseHeld() {
    hold = d -> false;
    release.countDown();
  }

  /** Starts replicas at once and returns when all listen. */
  List<ChildChime> start(int count, String prefix, List<String> clockOptions,
      List<String> serveOptions) throws IOException {
    return start(count, prefix, url, clockOptions, serveOptions);
  }

  List<ChildChime> start(int count, String prefix, String databaseUrl, List<String> clockOptions,
      List<String> serveOptions) throws IOException {
    List<ChildChime> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> clock = new ArrayList<>(List.of("--simulated-time", time.file().toString()));
      clock.addAll(clockOptions);
      ChildChime replica = ChildChime.spawnReplica(folder, prefix + (count == 1 ? "" : "-" + i),
          databaseUrl, clock, serveOptions);
      replicas.add(replica);
      started.add(replica);
    }
    started.forEach(ChildChime::listening);
    return started;
  }

  /** A proxy between replicas and the database, which the test can cut; closed with this. */
  TcpProxy proxy() {
    TcpProxy proxy = TcpProxy.to(TestDatabases.hostPort());
    closing.add(proxy);
    return proxy;
  }

  /** The database's URL through {@code proxy}. */
  String urlThrough(TcpProxy proxy) {
    return TestDatabases.withHostPort(url, proxy.hostPort());
  }

  /** Namespaces whose callbacks go to the receiver. */
  void namespaces(String... names) {
    for (String name : names) {
      store.namespaces().create(new Namespace(name, receiver.url(""),
          Namespace.Environment.SANDBOX, Map.of()), "chsec_" + name, "token-hash-" + name);
    }
  }

  /** A schedule written to the database as the API would, its next fire from simulated now. */
  Schedule schedule(String namespace, String name, String cron, Delivery.Catchup catchup) {
    Delivery defaults = Delivery.DEFAULTS;
    Delivery delivery = new Delivery(defaults.timeout(), defaults.retry(),
        defaults.concurrency(), catchup, null, null, List.of(), defaults.completion(),
        defaults.completionDeadline(), defaults.dstGap());
    Schedule schedule = new Schedule(namespace, name, TimingRule.cron(cron),
        "/internal/cron/" + name, ZoneId.of("UTC"), delivery, "", false);
    store.schedules().create(schedule,
        ScheduleService.nextFires(schedule, time.now(), 1).getFirst().instant());
    return schedule;
  }

  /** Every run in the database. */
  List<RunRow> runs() {
    return query("SELECT id, namespace, schedule, fire_at, trigger_kind, status, attempts,"
        + " lease_owner, lease_expires_at FROM runs ORDER BY fire_at, namespace, schedule");
  }

  /** How many runs of the fire at {@code fireAt} have this status. */
  int count(Instant fireAt, String status) {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet row = c.createStatement().executeQuery("SELECT count(*) FROM runs WHERE"
            + " fire_at = '" + fireAt + "' AND status = '" + status + "'")) {
      row.next();
      return row.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The database's clock. */
  Instant databaseNow() {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet row = c.createStatement().executeQuery("SELECT clock_timestamp()")) {
      row.next();
      return row.getObject(1, OffsetDateTime.class).toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deliveries by run id. */
  Map<String, List<Received>> deliveriesByRun() {
    Map<String, List<Received>> byRun = new ConcurrentHashMap<>();
    for (Received d : deliveries) {
      byRun.computeIfAbsent(d.runId(), id -> new ArrayList<>()).add(d);
    }
    return byRun;
  }

  /** Polls {@code condition} every 50 ms for at most {@code timeout}; fails with the logs. */
  void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + timeout + "\n" + logs());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** The first whole minute at least {@code margin} after simulated now. */
  Instant nextMinuteAfter(Duration margin) {
    long seconds = time.now().plus(margin).getEpochSecond();
    return Instant.ofEpochSecond((Math.floorDiv(seconds, 60) + 1) * 60);
  }

  /** Moves simulated time to just before {@code fire}, unless it is past that already. */
  void jumpToJustBefore(Instant fire) {
    Instant target = fire.minusMillis(300);
    if (time.now().isBefore(target)) {
      time.jumpTo(target);
    }
  }

  String logs() {
    StringBuilder all = new StringBuilder();
    for (ChildChime replica : replicas) {
      String log = replica.log();
      all.append("---- replica ").append(replica.pid()).append('\n')
          .append(log.length() > 6000 ? "…" + log.substring(log.length() - 6000) : log);
    }
    return all.toString();
  }

  private List<RunRow> query(String sql) {
    List<RunRow> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        OffsetDateTime expires = r.getObject("lease_expires_at", OffsetDateTime.class);
        rows.add(new RunRow(r.getString("id"), r.getString("namespace"),
            r.getString("schedule"), r.getObject("fire_at", OffsetDateTime.class).toInstant(),
            r.getString("trigger_kind"), r.getString("status"), r.getInt("attempts"),
            r.getString("lease_owner"), expires == null ? null : expires.toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** Asserts that the replica is alive and answers {@code /readyz} with {@code status}. */
  static void assertReady(ChildChime replica, int status) {
    assertThat(replica.isAlive()).as("alive").isTrue();
    assertThat(replica.get("/readyz", ADMIN).status()).as("/readyz").isEqualTo(status);
  }

  @Override
  public void close() {
    releaseHeld();
    replicas.forEach(ChildChime::close);
    for (AutoCloseable c : closing) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    store.close();
    receiver.close();
    TestDatabases.drop(database);
  }
}

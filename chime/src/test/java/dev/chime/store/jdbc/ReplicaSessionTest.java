package dev.chime.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.Trigger;
import dev.chime.store.ApplyPlanner;
import dev.chime.store.NewRun;
import dev.chime.store.Store;
import dev.chime.testing.FakeClock;
import dev.chime.testing.LogCapture;
import dev.chime.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A replica's session to a shared PostgreSQL (issue 5): its clock runs on the database's time
 * whatever the machine's says, and a change made through any replica wakes the others, also
 * after the session was cut. Each test has a database of its own, so that its sessions can be
 * found and ended by the database's name; the store's clock is a fake one, set years off.
 */
class ReplicaSessionTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> opened = new ArrayList<>();
  private String database;
  private String url;

  @BeforeAll
  static void serverAnswers() {
    TestDatabases.requireServer("ReplicaSessionTest");
  }

  @BeforeEach
  void createDatabase() {
    database = TestDatabases.create();
    url = TestDatabases.urlOf(database);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
    TestDatabases.drop(database);
  }

  @Test
  void aClockYearsOff_runsOnTheDatabasesTime_andSaysSoLoudly() throws SQLException {
    FakeClock local = FakeClock.at("2019-06-01T00:00:00Z");
    DatabaseClock clock = new DatabaseClock(local);
    try (LogCapture log = LogCapture.of(DatabaseClock.class)) {
      listen(clock, () -> {});
      assertThat(log.lines()).singleElement().asString().startsWith("WARN this machine's clock is")
          .contains("behind the database's");
    }

    Instant before = databaseTime();
    Instant corrected = clock.instant();
    Instant after = databaseTime();
    assertThat(corrected).isBetween(before.minusMillis(50), after.plusMillis(50));
    // The local clock stands still; the corrected one follows it, offset and all.
    local.advance(Duration.ofMinutes(3));
    assertThat(Duration.between(corrected, clock.instant())).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void aClockThatAgrees_isCorrectedByLittle_andLoggedQuietly() {
    DatabaseClock clock = new DatabaseClock(InstantSource.system());
    try (LogCapture log = LogCapture.of(DatabaseClock.class)) {
      listen(clock, () -> {});
      assertThat(log.lines()).singleElement().asString()
          .startsWith("INFO clock offset to the database:");
    }
    // One machine: the database and this JVM read the same clock, a round trip apart.
    assertThat(clock.offset().abs()).isLessThan(Duration.ofMillis(50));
  }

  @Test
  void everyChangeThroughOneReplica_wakesTheOther() {
    Store a = open();
    Semaphore woken = new Semaphore(0);
    listen(new DatabaseClock(InstantSource.system()), woken::release);
    a.namespaces().create(Samples.namespace("billing"), "secret", "token-hash");
    Schedule nightly = Samples.schedule("billing", "nightly");
    Instant t = Samples.T0;

    awaitWake(woken, "create", () -> a.schedules().create(nightly, t));
    awaitWake(woken, "put", () -> a.schedules().put(nightly.withPaused(false), t.plusSeconds(60)));
    awaitWake(woken, "pause", () -> a.schedules().setPaused("billing", "nightly", true, null));
    awaitWake(woken, "resume", () -> a.schedules().setPaused("billing", "nightly", false, t));
    awaitWake(woken, "trigger", () -> a.runs().insert(new NewRun("run-1", "billing", "nightly",
        Trigger.MANUAL, t, RunStatus.PENDING, "", t), t));
    awaitWake(woken, "apply", () -> a.schedules().apply("billing", current -> new ApplyPlanner
        .Writes(List.of(new ApplyPlanner.Put(Samples.schedule("billing", "hourly"), t)),
        List.of())));
    awaitWake(woken, "delete", () -> a.schedules().delete("billing", "hourly"));
  }

  @Test
  void aChangeInAnotherSchema_doesNotWake() throws SQLException {
    execute("CREATE SCHEMA other");
    Store elsewhere = open(url + "&currentSchema=other");
    Store here = open();
    AtomicInteger wakes = new AtomicInteger();
    Semaphore woken = new Semaphore(0);
    listen(new DatabaseClock(InstantSource.system()), () -> {
      wakes.incrementAndGet();
      woken.release();
    });

    elsewhere.namespaces().create(Samples.namespace("billing"), "secret", "token-hash");
    elsewhere.schedules().create(Samples.schedule("billing", "nightly"), Samples.T0);
    here.namespaces().create(Samples.namespace("billing"), "secret", "token-hash");
    awaitWake(woken, "create here",
        () -> here.schedules().create(Samples.schedule("billing", "nightly"), Samples.T0));
    // Notifications arrive in commit order: the other schema's came first, and woke nothing.
    assertThat(wakes).hasValue(1);
  }

  @Test
  void aCutSession_reconnectsByItself_wakesOnceBack_andFollowsChangesAgain() throws Exception {
    Store a = open();
    Semaphore woken = new Semaphore(0);
    try (LogCapture log = LogCapture.of(ChangeListener.class)) {
      listen(new DatabaseClock(InstantSource.system()), woken::release);
      a.namespaces().create(Samples.namespace("billing"), "secret", "token-hash");

      assertThat(terminateListeners()).as("listener sessions ended").isEqualTo(1);
      // Changes made while it was cut were not heard: coming back is itself a wake-up.
      assertThat(woken.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).as("woken on reconnect")
          .isTrue();
      awaitWake(woken, "create after the cut",
          () -> a.schedules().create(Samples.schedule("billing", "nightly"), Samples.T0));
      assertThat(log.lines()).anySatisfy(line -> assertThat(line)
              .startsWith("WARN lost the notification session to the database"))
          .anySatisfy(line -> assertThat(line)
              .startsWith("INFO the notification session to the database is back"));
    }
  }

  private void awaitWake(Semaphore woken, String change, Runnable act) {
    woken.drainPermits();
    act.run();
    try {
      assertThat(woken.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS))
          .as("woken by " + change + " within " + WAIT).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Store open() {
    return open(url);
  }

  private Store open(String storeUrl) {
    StoreConfig config = new StoreConfig(FakeClock.at("2019-06-01T00:00:00Z"), 2,
        Duration.ofSeconds(5));
    Store store = JdbcStores.open(storeUrl, config);
    opened.add(store);
    return store;
  }

  private void listen(DatabaseClock clock, Runnable onChange) {
    opened.add(JdbcStores.listen(url, clock, onChange));
  }

  /** Ends this database's listener sessions from the server side; how many were ended. */
  private int terminateListeners() throws SQLException {
    int ended = 0;
    try (Connection c = DriverManager.getConnection(url);
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(pid)"
            + " FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name = '" + ChangeListener.APPLICATION_NAME + "'")) {
      while (rows.next()) {
        ended += rows.getBoolean(1) ? 1 : 0;
      }
    }
    return ended;
  }

  private Instant databaseTime() throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet row = c.createStatement().executeQuery("SELECT clock_timestamp()")) {
      row.next();
      return row.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute(sql);
    }
  }
}

package dev.chime.store.jdbc;

import dev.chime.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's one session outside the pool, for what pooled connections cannot do: {@code
 * LISTEN} (notifications reach only the session that listens, so it must stay open) and
 * measuring the {@link DatabaseClock}'s offset over clean round trips, not behind a busy pool.
 *
 * <p>Every change to schedules or runs another replica must act on at once (a schedule created,
 * replaced, applied, paused, resumed or deleted, a run triggered or handed back) sends {@code
 * NOTIFY} in its own transaction ({@link Database#announceChange}), so it arrives when the
 * change commits. The payload is the schema, so that Chimes in other schemas of the same
 * database do not wake each other. On a notification this calls {@code onChange} (the
 * scheduler's wake-up).
 *
 * <p>When the session is cut it reconnects with backoff ({@value #FIRST_BACKOFF_MS} ms doubling
 * to {@value #MAX_BACKOFF_MS} ms) and calls {@code onChange} once it is back, since
 * notifications sent meanwhile were lost. The offset measurement, every {@link #MEASURE_EVERY},
 * doubles as the check that a silent session is still alive: it fails after {@value
 * #SOCKET_TIMEOUT_SECONDS} s without an answer.
 */
public final class ChangeListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  static final String CHANNEL = "chime_changes";
  static final String APPLICATION_NAME = "chime-listener";
  static final Duration MEASURE_EVERY = Duration.ofSeconds(30);
  private static final int WAIT_MS = 500;
  private static final long FIRST_BACKOFF_MS = 250;
  private static final long MAX_BACKOFF_MS = 5_000;
  private static final int SOCKET_TIMEOUT_SECONDS = 10;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final String url;
  private final DatabaseClock clock;
  private final Runnable onChange;
  private final Thread thread;
  private volatile boolean running = true;
  private Connection session;
  private String schema;
  private long measuredAt;

  private ChangeListener(String url, DatabaseClock clock, Runnable onChange) {
    this.url = url;
    this.clock = clock;
    this.onChange = onChange;
    this.thread = Thread.ofPlatform().name("chime-listener").daemon().unstarted(this::loop);
  }

  /**
   * Connects, measures the clock's offset and listens, before returning (so that nothing runs on
   * an uncorrected clock), then follows notifications on a thread of its own.
   *
   * @throws StoreException when the first connection fails
   */
  static ChangeListener start(String url, DatabaseClock clock, Runnable onChange) {
    ChangeListener listener = new ChangeListener(url, clock, onChange);
    try {
      listener.connect();
    } catch (SQLException e) {
      throw new StoreException("cannot open the notification session to the database at "
          + Redact.url(url) + ": " + e.getMessage(), e);
    }
    listener.thread.start();
    return listener;
  }

  private void loop() {
    long backoff = FIRST_BACKOFF_MS;
    long lostAt = 0;
    while (running) {
      try {
        if (session == null) {
          connect();
          Duration away = Duration.ofNanos(System.nanoTime() - lostAt);
          LOG.info("the notification session to the database is back after {}; re-checking"
              + " schedules now", DatabaseClock.describe(away));
          backoff = FIRST_BACKOFF_MS;
          changed();
        }
        follow();
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        if (session != null) {
          lostAt = System.nanoTime();
          LOG.warn("lost the notification session to the database ({}); reconnecting with"
              + " backoff, and until then changes made through other replicas are seen at the"
              + " scheduler's next periodic check", e.getMessage());
          disconnect();
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff));
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  }

  /** Waits for notifications a moment at a time, measuring the clock when it is due. */
  private void follow() throws SQLException {
    PGConnection pg = session.unwrap(PGConnection.class);
    while (running) {
      PGNotification[] notifications = pg.getNotifications(WAIT_MS);
      if (notifications != null) {
        for (PGNotification notification : notifications) {
          if (schema.equals(notification.getParameter())) {
            changed();
            break;
          }
        }
      }
      if (System.nanoTime() - measuredAt >= MEASURE_EVERY.toNanos()) {
        measure();
      }
    }
  }

  private void connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    properties.setProperty("logServerErrorDetail", "false");
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
    properties.setProperty("tcpKeepAlive", "true");
    Connection c = DriverManager.getConnection(url, properties);
    try {
      c.setAutoCommit(true);
      try (Statement statement = c.createStatement()) {
        try (ResultSet row = statement.executeQuery("SELECT current_schema()")) {
          row.next();
          schema = row.getString(1);
        }
        statement.execute("LISTEN " + CHANNEL);
      }
      clock.measure(c);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    // Only a session that listens and has measured counts as connected (and as lost later).
    session = c;
    measuredAt = System.nanoTime();
  }

  private void measure() throws SQLException {
    clock.measure(session);
    measuredAt = System.nanoTime();
  }

  private void changed() {
    try {
      onChange.run();
    } catch (RuntimeException e) {
      LOG.error("acting on a change notification failed", e);
    }
  }

  private void disconnect() {
    Connection c = session;
    session = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("closing the notification session failed", e);
      }
    }
  }

  /** Stops listening; returns within about a second. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      disconnect();
    }
  }
}

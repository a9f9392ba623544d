package dev.chime.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local clock corrected by the database's offset: the one clock of a replica on a shared
 * PostgreSQL, so that replicas whose machines disagree by minutes still agree on when a fire is
 * due and when a lease runs out (SPEC §4), to within a round trip.
 *
 * <p>Why a corrected local clock rather than {@code now()} in the SQL: every instant Chime
 * compares (due fires, leases, deadlines, backoff, the {@code X-Fired-At} it sends) keeps coming
 * from one injectable {@link InstantSource}, so tests still run a simulated year on a fake
 * clock, and the claim statements stay the same on both databases.
 *
 * <p>The offset is measured on a dedicated session ({@link ChangeListener}, every 30 seconds):
 * a few {@code SELECT clock_timestamp()} round trips, the fastest kept, the database's answer
 * taken to be the midpoint of the local readings around it. Until the first measurement the
 * offset is zero. Thread-safe.
 */
public final class DatabaseClock implements InstantSource {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseClock.class);
  static final Duration LOUD_OFFSET = Duration.ofSeconds(1);
  private static final int ROUND_TRIPS = 3;
  private static final String NOW = "SELECT clock_timestamp()";

  private final InstantSource local;
  private volatile long offsetNanos;
  private volatile boolean measured;

  public DatabaseClock(InstantSource local) {
    this.local = local;
  }

  @Override
  public Instant instant() {
    return local.instant().plusNanos(offsetNanos);
  }

  /** The database's clock minus the local one, as last measured (zero before). */
  public Duration offset() {
    return Duration.ofNanos(offsetNanos);
  }

  /** A measurement: the offset, and the round trip it was read over (its uncertainty ×2). */
  record Sample(Duration offset, Duration roundTrip) {}

  /**
   * Measures the offset on {@code connection} (in auto-commit, so that {@code clock_timestamp()}
   * is read when the statement runs) and corrects the clock by it.
   */
  Sample measure(Connection connection) throws SQLException {
    Sample best = null;
    try (Statement statement = connection.createStatement()) {
      for (int i = 0; i < ROUND_TRIPS; i++) {
        Sample sample = sample(statement);
        if (best == null || sample.roundTrip().compareTo(best.roundTrip()) < 0) {
          best = sample;
        }
      }
    }
    correct(best);
    return best;
  }

  private Sample sample(Statement statement) throws SQLException {
    Instant before = local.instant();
    Instant database;
    try (ResultSet row = statement.executeQuery(NOW)) {
      row.next();
      database = row.getObject(1, OffsetDateTime.class).toInstant();
    }
    Instant after = local.instant();
    Duration roundTrip = Duration.between(before, after);
    Instant midpoint = before.plus(roundTrip.dividedBy(2));
    return new Sample(Duration.between(midpoint, database), roundTrip);
  }

  /** Applies a measurement; logs the first, and any that is large or moved by a second. */
  private void correct(Sample sample) {
    Duration previous = offset();
    boolean first = !measured;
    offsetNanos = sample.offset().toNanos();
    measured = true;
    boolean loud = sample.offset().abs().compareTo(LOUD_OFFSET) > 0;
    boolean moved = sample.offset().minus(previous).abs().compareTo(LOUD_OFFSET) > 0;
    if (loud && (first || moved)) {
      LOG.warn("this machine's clock is {} {} the database's; Chime runs on the database's time"
              + " (corrected by the offset, measured over a {} ms round trip), but check the"
              + " machine's time synchronisation (NTP)", describe(sample.offset().abs()),
          sample.offset().isNegative() ? "ahead of" : "behind", millis(sample.roundTrip()));
    } else if (first || moved) {
      LOG.info("clock offset to the database: {} ms (round trip {} ms)",
          millis(sample.offset()), millis(sample.roundTrip()));
    }
  }

  /** A duration as people say it: {@code 3 min 2 s}, {@code 1.250 s}, {@code 2 d 4 h}. */
  static String describe(Duration d) {
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
    return String.format(Locale.ROOT, "%d.%03d s", d.toSeconds(), d.toMillisPart());
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e6);
  }
}

package dev.chime.store.jdbc;

import dev.chime.cron.Dialect;
import dev.chime.cron.DstGap;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.RetryPolicy;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.store.StoredSchedule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code schedules} table: a {@link Schedule} and its {@link Delivery} options as columns
 * (queryable and checked by the database, unlike a JSON blob), plus what the store keeps beside.
 */
final class ScheduleRows {
  /** The definition's columns, in the order of {@link #definition}. */
  static final List<String> DEFINITION = List.of("cron", "every_interval", "dialect",
      "endpoint", "time_zone", "description", "paused", "timeout_ms", "retry_max_attempts",
      "retry_min_backoff_ms", "retry_max_backoff_ms", "concurrency", "catchup",
      "starting_deadline_ms", "payload", "chain", "completion", "completion_deadline_ms",
      "dst_gap");
  static final String DEFINITION_COLUMNS = String.join(", ", DEFINITION);
  static final String DEFINITION_PLACEHOLDERS =
      String.join(", ", Collections.nCopies(DEFINITION.size(), "?"));
  static final String DEFINITION_ASSIGNMENTS =
      DEFINITION.stream().map(column -> column + " = ?").collect(Collectors.joining(", "));

  /** The schedule with its last run's fire instant and status, one row per schedule. */
  static final String SELECT = "SELECT s.namespace, s.name, "
      + DEFINITION.stream().map(column -> "s." + column).collect(Collectors.joining(", "))
      + ", s.next_fire_at, s.version, s.created_at, s.updated_at, s.source,"
      + " (SELECT r.fire_at FROM runs r WHERE r.id = s.last_run_id) AS last_fire_at,"
      + " (SELECT r.status FROM runs r WHERE r.id = s.last_run_id) AS last_status"
      + " FROM schedules s";

  private static final String CHAIN_SEPARATOR = ",";

  private ScheduleRows() {}

  /** The values of {@link #DEFINITION_COLUMNS}. */
  static Object[] definition(Schedule schedule) {
    TimingRule timing = schedule.timing();
    Delivery delivery = schedule.delivery();
    RetryPolicy retry = delivery.retry();
    return new Object[] {timing.cron(), timing.every(), timing.dialect(), schedule.endpoint(),
        schedule.zone().getId(), schedule.description(), schedule.paused(), delivery.timeout(),
        retry.maxAttempts(), retry.minBackoff(), retry.maxBackoff(), delivery.concurrency(),
        delivery.catchup(), delivery.startingDeadline(), delivery.payload(),
        String.join(CHAIN_SEPARATOR, delivery.chain()), delivery.completion(),
        delivery.completionDeadline(), delivery.dstGap()};
  }

  static StoredSchedule stored(ResultSet row) throws SQLException {
    return new StoredSchedule(
        schedule(row),
        Sql.instant(row, "next_fire_at"),
        Sql.instant(row, "last_fire_at"),
        Sql.enumeration(row, "last_status", RunStatus.class),
        row.getLong("version"),
        Sql.instant(row, "created_at"),
        Sql.instant(row, "updated_at"),
        Sql.enumeration(row, "source", StoredSchedule.Source.class));
  }

  private static Schedule schedule(ResultSet row) throws SQLException {
    TimingRule timing = new TimingRule(row.getString("cron"), row.getString("every_interval"),
        Sql.enumeration(row, "dialect", Dialect.class));
    Delivery delivery = new Delivery(
        Sql.millis(row, "timeout_ms"),
        new RetryPolicy(row.getInt("retry_max_attempts"), Sql.millis(row, "retry_min_backoff_ms"),
            Sql.millis(row, "retry_max_backoff_ms")),
        Sql.enumeration(row, "concurrency", Delivery.Concurrency.class),
        Sql.enumeration(row, "catchup", Delivery.Catchup.class),
        Sql.millis(row, "starting_deadline_ms"),
        row.getString("payload"),
        chain(row.getString("chain")),
        Sql.enumeration(row, "completion", Delivery.Completion.class),
        Sql.millis(row, "completion_deadline_ms"),
        Sql.enumeration(row, "dst_gap", DstGap.class));
    return new Schedule(row.getString("namespace"), row.getString("name"), timing,
        row.getString("endpoint"), ZoneId.of(row.getString("time_zone")), delivery,
        row.getString("description"), row.getBoolean("paused"));
  }

  private static List<String> chain(String stored) {
    return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(CHAIN_SEPARATOR));
  }

}

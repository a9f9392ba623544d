package dev.chime.bench.replicas;

import dev.chime.schedule.Delivery;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's own database on the local PostgreSQL, made afresh for each measurement, and
 * what the harness reads from it: how many runs of a fire exist and are final, and the
 * server's counters of transactions and rows.
 */
final class BenchDatabase {
  static final String NAME = "chime_replica_bench";

  private final String serverUrl;
  private final String url;

  private BenchDatabase(String serverUrl) {
    this.serverUrl = serverUrl;
    this.url = withDatabase(serverUrl, NAME);
  }

  /** Drops and creates the benchmark database on the server of {@code serverUrl}. */
  static BenchDatabase fresh(String serverUrl, int logSlowerThanMs) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + NAME);
      if (logSlowerThanMs >= 0) {
        // Into the server's log: which statements take the time (this database only).
        s.execute("ALTER DATABASE " + NAME + " SET log_min_duration_statement = "
            + logSlowerThanMs);
      }
    }
    return new BenchDatabase(serverUrl);
  }

  /** The server's version and the settings that bear on commit speed, on one line. */
  static String describeServer(String serverUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl);
        ResultSet row = c.createStatement().executeQuery("SELECT split_part(version(), ' on ',"
            + " 1), current_setting('synchronous_commit'), current_setting('fsync'),"
            + " current_setting('shared_buffers'), current_setting('max_connections')")) {
      row.next();
      return row.getString(1) + "; synchronous_commit " + row.getString(2) + ", fsync "
          + row.getString(3) + ", shared_buffers " + row.getString(4) + ", max_connections "
          + row.getString(5);
    }
  }

  String url() {
    return url;
  }

  /**
   * Namespaces calling {@code receiver}, and {@code count} schedules spread over them that fire
   * once a year at {@code fire}, written through the store (its migrations run first). Loading
   * commits without waiting for the disk: it is set-up, not the measurement.
   */
  void load(List<String> namespaces, URI receiver, String prefix, int count, Instant fire,
      InstantSource clock) {
    String loading = url + (url.contains("?") ? "&" : "?")
        + "options=-c%20synchronous_commit%3Doff";
    try (Store store = JdbcStores.open(loading, StoreConfig.defaults(clock))) {
      for (String ns : namespaces) {
        if (store.namespaces().find(ns).isEmpty()) {
          store.namespaces().create(new Namespace(ns, receiver, Namespace.Environment.SANDBOX,
              Map.of()), "chsec_bench_" + ns, "token-hash-" + ns);
        }
      }
      String cron = onceAt(fire);
      for (int i = 0; i < count; i++) {
        String name = String.format("%s-%06d", prefix, i);
        store.schedules().create(new Schedule(namespaces.get(i % namespaces.size()), name,
            TimingRule.cron(cron), "/internal/cron/" + name, ZoneId.of("UTC"),
            Delivery.DEFAULTS, "", false), fire);
      }
    }
  }

  /** How many runs exist: an index-only count, cheap enough to poll every 20 ms. */
  int runs(Connection c) throws SQLException {
    try (ResultSet row = c.createStatement().executeQuery("SELECT count(*) FROM runs")) {
      row.next();
      return row.getInt(1);
    }
  }

  /** The runs of the fire at {@code fire}: how many are final, the last recorded, retries. */
  record Final(int recorded, Instant last, int retried) {}

  Final finals(Connection c, Instant fire) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT count(finished_at), max(finished_at),"
        + " count(*) FILTER (WHERE attempts > 1) FROM runs WHERE fire_at = ?")) {
      s.setObject(1, OffsetDateTime.ofInstant(fire, ZoneOffset.UTC));
      try (ResultSet row = s.executeQuery()) {
        row.next();
        OffsetDateTime last = row.getObject(2, OffsetDateTime.class);
        return new Final(row.getInt(1), last == null ? null : last.toInstant(), row.getInt(3));
      }
    }
  }

  /** Index and sequential scans of each table: about one per statement that reads or writes. */
  Map<String, Long> scans(Connection c) throws SQLException {
    Map<String, Long> scans = new TreeMap<>();
    try (ResultSet rows = c.createStatement().executeQuery("SELECT relname,"
        + " coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables")) {
      while (rows.next()) {
        scans.put(rows.getString(1), rows.getLong(2));
      }
    }
    return scans;
  }

  /** Fires with more than one run (the unique key makes it 0; counted, not assumed). */
  int firesRunTwice(Connection c) throws SQLException {
    try (ResultSet row = c.createStatement().executeQuery("SELECT count(*) - count(DISTINCT"
        + " (namespace, schedule, fire_key)) FROM runs WHERE fire_key IS NOT NULL")) {
      row.next();
      return row.getInt(1);
    }
  }

  /** The server's counters for this database: commits, rows inserted, updated and read. */
  record Counters(long commits, long inserted, long updated, long fetched) {
    Counters minus(Counters before) {
      return new Counters(commits - before.commits, inserted - before.inserted,
          updated - before.updated, fetched - before.fetched);
    }
  }

  Counters counters(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      // Backends report their counters every second or so; make this one's current.
      s.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet row = s.executeQuery("SELECT xact_commit, tup_inserted, tup_updated,"
          + " tup_fetched FROM pg_stat_database WHERE datname = '" + NAME + "'")) {
        row.next();
        return new Counters(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
      }
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  void drop() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }
  }

  static Duration since(Instant fire, Instant at) {
    return Duration.between(fire, at);
  }

  /** A cron that fires at {@code instant} (a whole minute, UTC), then not for a year. */
  static String onceAt(Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    return t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " " + t.getMonthValue()
        + " *";
  }

  private static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String rest = query < 0 ? "" : url.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
  }
}

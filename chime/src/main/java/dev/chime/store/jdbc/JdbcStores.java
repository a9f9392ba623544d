package dev.chime.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.chime.store.Store;
import dev.chime.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens Chime's store on a database, bringing its schema up to date first (Flyway migrations
 * under {@code db/migration/h2} and {@code db/migration/postgresql}, kept in lock-step).
 */
public final class JdbcStores {
  private static final String EMBEDDED_FILE = "chime";
  // DB_CLOSE_ON_EXIT=FALSE: the application closes the store in its own shutdown hook, after
  // the work in flight is recorded; H2's hook would close the database under it.
  // The file: H2 appends every commit to it as a new chunk (some 25 KB for one new schedule) and
  // reclaims old chunks in a background thread. Two settings had stopped that, so that 100,000
  // schedules created one by one made a 3.3 GB file (its live data: 30 MB):
  // - WRITE_DELAY=0 stops the background thread, and with it the compaction of chunks that hold
  //   little live data. H2's default delay is kept; commits are made durable by H2Dialect.flush.
  // - RETENTION_TIME (45 s by default) keeps every chunk written in the last 45 s, however dead:
  //   at a thousand commits a second, a gigabyte. 0 reuses a chunk's space once nothing refers
  //   to it. The risk H2 names is that of a power failure or an operating system crash while
  //   the OS still holds writes (H2 never fsyncs a commit, whatever this setting): the file may
  //   then not open. A killed process loses nothing. Deployments that must survive power loss
  //   use PostgreSQL.
  private static final String EMBEDDED_OPTIONS =
      ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;RETENTION_TIME=0;QUERY_CACHE_SIZE=64";
  private static final int H2_DATABASE_IN_USE = 90020;

  private JdbcStores() {}

  /**
   * A store on the database of a JDBC URL: {@code jdbc:postgresql://host/db?user=…} for a shared
   * PostgreSQL, or {@code jdbc:h2:…} for H2.
   *
   * @throws IllegalArgumentException when the URL names another database
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static Store open(String jdbcUrl, StoreConfig config) {
    return open(poolConfig(jdbcUrl, config), Dialect.of(jdbcUrl), config);
  }

  /** The embedded store: an H2 database in {@code dataDirectory} (created when missing). */
  public static Store embedded(Path dataDirectory, StoreConfig config) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    if (directory.toString().contains(";")) {
      throw new IllegalArgumentException(
          "data folder " + directory + " must not contain ';' (H2 reads it as an option)");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IllegalArgumentException("data folder " + directory + " cannot be created: " + e,
          e);
    }
    try {
      return open(embeddedUrl(directory), config);
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        throw new StoreException("data folder " + directory + " is in use by another process"
            + " (is another chime serve running on it?)", e);
      }
      throw e;
    }
  }

  /** The URL of the H2 database file in a data folder. */
  static String embeddedUrl(Path directory) {
    return "jdbc:h2:file:" + directory.resolve(EMBEDDED_FILE) + EMBEDDED_OPTIONS;
  }

  /** The pool for a URL: short transactions, committed explicitly, read committed. */
  static HikariConfig poolConfig(String jdbcUrl, StoreConfig config) {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("chime-store");
    pool.setJdbcUrl(jdbcUrl);
    pool.setMaximumPoolSize(config.maxPoolSize());
    pool.setConnectionTimeout(config.connectionTimeout().toMillis());
    pool.setAutoCommit(false);
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    Dialect.of(jdbcUrl).configure(pool);
    return pool;
  }

  /** Opens the pool, migrates, and hands out the store; the pool is closed if that fails. */
  static Store open(HikariConfig poolConfig, Dialect dialect, StoreConfig config) {
    HikariDataSource pool = connect(poolConfig);
    try {
      Flyway.configure(JdbcStores.class.getClassLoader())
          .dataSource(pool)
          .locations("classpath:db/migration/" + dialect.migrations())
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StoreException("migrating the database at "
          + Redact.url(poolConfig.getJdbcUrl()) + " failed: " + e.getMessage(), e);
    }
    return new JdbcStore(new Database(pool, dialect, config.clock()));
  }

  private static HikariDataSource connect(HikariConfig poolConfig) {
    try {
      return new HikariDataSource(poolConfig);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StoreException("cannot connect to the database at "
          + Redact.url(poolConfig.getJdbcUrl()) + ": " + cause.getMessage(), cause);
    }
  }
}

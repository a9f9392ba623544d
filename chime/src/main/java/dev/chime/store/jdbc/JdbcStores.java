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
  // WRITE_DELAY=0: each commit is written to the file before it returns. H2's default writes
  // commits in the background up to half a second later, so a killed process (SIGKILL, the
  // OOM killer) lost runs it had claimed and delivered: the next start fired them again under
  // new run ids.
  private static final String EMBEDDED_OPTIONS =
      ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
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

  /**
   * Whether several replicas may share the database of this URL: PostgreSQL. On one, they run
   * on a {@link DatabaseClock} and follow each other's changes with {@link #listen}.
   */
  public static boolean shared(String jdbcUrl) {
    return Dialect.of(jdbcUrl) instanceof PostgresDialect;
  }

  /**
   * Opens the replica's notification session to the shared database of {@code jdbcUrl}:
   * measures {@code clock}'s offset before returning and every 30 seconds after, and calls
   * {@code onChange} whenever another replica (or this one) changed schedules or runs, and after
   * the session was cut and came back. Close it before the store.
   *
   * @throws IllegalArgumentException when the URL is not a shared database's ({@link #shared})
   * @throws StoreException when the database cannot be reached
   */
  public static ChangeListener listen(String jdbcUrl, DatabaseClock clock, Runnable onChange) {
    if (!shared(jdbcUrl)) {
      throw new IllegalArgumentException("only a shared database (PostgreSQL) has change"
          + " notifications, not \"" + Redact.url(jdbcUrl) + "\"");
    }
    return ChangeListener.start(jdbcUrl, clock, onChange);
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

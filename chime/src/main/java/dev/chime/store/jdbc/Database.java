package dev.chime.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chime.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The connection pool, and the two ways to use it: a short transaction that commits when the work
 * returns and rolls back when it throws, and a read that writes nothing. SQL failures leave as
 * {@link StoreException}; the {@code Conflict} and {@code IllegalArgumentException} the work
 * throws pass through unchanged.
 */
final class Database implements AutoCloseable {
  private static final int REACHABLE_TIMEOUT_SECONDS = 2;

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final InstantSource clock;

  Database(HikariDataSource pool, Dialect dialect, InstantSource clock) {
    this.pool = pool;
    this.dialect = dialect;
    this.clock = clock;
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  Dialect dialect() {
    return dialect;
  }

  /** The store's own clock, for the {@code created_at} and {@code updated_at} stamps. */
  Instant now() {
    return clock.instant();
  }

  /**
   * Runs work that may write, in one transaction, and returns once its commit is on disk (see
   * {@link Dialect#flush}).
   */
  <T> T transaction(Work<T> work) {
    return run(work, true);
  }

  /** Runs work that only reads: nothing to commit, so nothing to write to disk either. */
  <T> T read(Work<T> work) {
    return run(work, false);
  }

  private <T> T run(Work<T> work, boolean writes) {
    try (Connection connection = pool.getConnection()) {
      T result;
      try {
        result = work.run(connection);
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
      if (writes) {
        connection.commit();
        dialect.flush(connection);
      } else {
        connection.rollback();
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  boolean reachable() {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(REACHABLE_TIMEOUT_SECONDS);
      statement.execute("SELECT 1");
      connection.rollback();
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}

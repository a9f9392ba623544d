package dev.chime.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases Chime runs on; everything else is the same SQL. */
sealed interface Dialect permits H2Dialect, PostgresDialect {

  /** The dialect of a JDBC URL, or an error naming the URLs Chime accepts. */
  static Dialect of(String jdbcUrl) {
    String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return new H2Dialect();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect();
    }
    throw new IllegalArgumentException("database URL must start with jdbc:postgresql: or"
        + " jdbc:h2:, was \"" + Redact.url(jdbcUrl) + "\"");
  }

  /** Sets what the driver of this database needs on every connection. */
  void configure(HikariConfig pool);

  /**
   * Makes a transaction just committed on {@code connection} durable before the store returns,
   * where the database does not do so by itself on commit.
   */
  default void flush(Connection connection) throws SQLException {}

  /** The folder under {@code db/migration} holding this database's migrations. */
  String migrations();

  /** The select, locking the rows it returns for this transaction, for claiming work. */
  String lockForClaim(String select);

  /**
   * Whether a claim may pick its rows and lock them in one statement: {@link #lockForClaim} over
   * an {@code ORDER BY … LIMIT} select. PostgreSQL locks just the rows it returns. H2 locks every
   * row the {@code WHERE} clause matches before the {@code LIMIT} applies (each batch of 200 of a
   * burst of 10,000 due schedules locked all 10,000, some 15 ms a batch), so on H2 a claim picks
   * its rows without a lock and then takes each one by its key with an update that matches only
   * while the row is still due.
   */
  boolean locksOnlyWhatItReturns();

  /**
   * Inserts a run unless one of the same (namespace, schedule, fire_key) exists, never failing
   * the transaction on the duplicate. Parameters: {@link RunRows#INSERT_COLUMNS}, in order. The
   * update count is 1 when inserted, 0 when the fire already had its run.
   */
  String insertOncePerFire();

  /** Whether the statement failed because a referenced row (a namespace) does not exist. */
  boolean missingParent(SQLException e);

  /** Whether the statement failed on a primary key or unique constraint. */
  default boolean duplicate(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}

package dev.chime.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;

/**
 * A shared PostgreSQL: any number of replicas claim from the same tables. {@code SKIP LOCKED}
 * makes a replica pass over rows another one is claiming instead of queueing behind it, so they
 * share the due work; the row lock still guarantees that each row is claimed once.
 */
record PostgresDialect() implements Dialect {
  private static final String INSERT_ONCE_PER_FIRE =
      "INSERT INTO runs (" + RunRows.INSERT_COLUMN_LIST + ") VALUES ("
          + RunRows.INSERT_PLACEHOLDERS + ") ON CONFLICT (namespace, schedule, fire_key)"
          + " DO NOTHING";

  /** Keeps row values (a token hash, a secret) out of error messages, which end up in logs. */
  @Override
  public void configure(HikariConfig pool) {
    pool.addDataSourceProperty("logServerErrorDetail", "false");
  }

  @Override
  public String migrations() {
    return "postgresql";
  }

  @Override
  public String lockForClaim(String select) {
    return select + " FOR UPDATE SKIP LOCKED";
  }

  /**
   * {@code FOR UPDATE} would also block every insert that references the row (a foreign key
   * check takes {@code FOR KEY SHARE}): the scheduler's runs of a namespace while it is applied.
   */
  @Override
  public String lockOnlyAgainstWriters(String select) {
    return select + " FOR NO KEY UPDATE";
  }

  @Override
  public boolean locksOnlyWhatItReturns() {
    return true;
  }

  @Override
  public String insertOncePerFire() {
    return INSERT_ONCE_PER_FIRE;
  }

  @Override
  public boolean missingParent(SQLException e) {
    return "23503".equals(e.getSQLState());
  }
}

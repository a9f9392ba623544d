package dev.chime.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * The embedded database. One process uses it, so plain row locks suffice: a second claimer waits
 * for the lock and then re-reads the row, which no longer matches once claimed. Claims take their
 * rows one by one, by key, with updates that match only while a row is due ({@link
 * #locksOnlyWhatItReturns()}).
 */
record H2Dialect() implements Dialect {
  private static final String INSERT_ONCE_PER_FIRE =
      "MERGE INTO runs USING (VALUES (" + RunRows.INSERT_PLACEHOLDERS + ")) AS n ("
          + RunRows.INSERT_COLUMN_LIST + ")"
          + " ON runs.namespace = n.namespace AND runs.schedule = n.schedule"
          + " AND runs.fire_key = n.fire_key"
          + " WHEN NOT MATCHED THEN INSERT (" + RunRows.INSERT_COLUMN_LIST + ") VALUES ("
          + RunRows.INSERT_COLUMNS.stream().map(column -> "n." + column)
              .collect(Collectors.joining(", "))
          + ")";

  @Override
  public void configure(HikariConfig pool) {}

  @Override
  public String migrations() {
    return "h2";
  }

  @Override
  public String lockForClaim(String select) {
    return select + " FOR UPDATE";
  }

  /** H2 checks a foreign key without locking the row it references. */
  @Override
  public String lockOnlyAgainstWriters(String select) {
    return select + " FOR UPDATE";
  }

  @Override
  public boolean locksOnlyWhatItReturns() {
    return false;
  }

  @Override
  public String insertOncePerFire() {
    return INSERT_ONCE_PER_FIRE;
  }

  @Override
  public boolean missingParent(SQLException e) {
    return "23506".equals(e.getSQLState());
  }
}

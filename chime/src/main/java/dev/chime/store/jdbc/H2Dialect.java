package dev.chime.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * The embedded database. One process uses it, so plain row locks suffice: a second claimer waits
 * for the lock and then re-reads the row, which no longer matches once claimed. Claims take their
 * rows one by one, by key, with updates that match only while a row is due ({@link
 * #locksOnlyWhatItReturns()}).
 *
 * <p>Durability: H2 writes commits to its file from a background thread, a few hundred
 * milliseconds later; a killed process (SIGKILL, the OOM killer) would lose runs it had claimed
 * and delivered, and the next start would fire them again under new run ids. So each write
 * transaction is followed by {@code CHECKPOINT}, which writes what was committed to the file (the
 * operating system's cache) before the store returns. ({@code WRITE_DELAY=0} does the same on
 * every commit, but it also stops H2's background thread, whose housekeeping is the only thing
 * that compacts the file: with it, 100,000 schedules made a 3.3 GB file; see {@link
 * JdbcStores}.)
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

  private static final String FLUSH = "CHECKPOINT";

  @Override
  public void configure(HikariConfig pool) {}

  @Override
  public void flush(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(FLUSH);
    }
  }

  @Override
  public String migrations() {
    return "h2";
  }

  @Override
  public String lockForClaim(String select) {
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

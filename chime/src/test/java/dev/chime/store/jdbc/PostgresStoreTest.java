package dev.chime.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chime.store.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on a local PostgreSQL ({@code CHIME_TEST_PG_URL}), each test in its own schema,
 * dropped afterwards, its sessions in America/Denver (as db-scheduler's compatibility tests run
 * off UTC) so that an instant read through the session's zone would show. Skipped with a message
 * when no server answers, except on CI ({@code CI=true}), where that fails.
 */
class PostgresStoreTest extends StoreContractTest {
  static final String URL = Optional.ofNullable(System.getenv("CHIME_TEST_PG_URL"))
      .orElse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  static final String SESSION_ZONE = "America/Denver";

  private final String schema = "chime_test_" + UUID.randomUUID().toString().replace("-", "");

  @BeforeAll
  static void serverAnswers() {
    DriverManager.setLoginTimeout(3);
    try {
      DriverManager.getConnection(URL).close();
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + Redact.url(URL) + " ("
          + e.getMessage() + "); start it or set CHIME_TEST_PG_URL";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      System.err.println("PostgresStoreTest skipped: " + message);
      Assumptions.abort(message);
    }
  }

  @Override
  protected void createDatabase() throws SQLException {
    execute("CREATE SCHEMA " + schema);
  }

  @Override
  protected void dropDatabase() throws SQLException {
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  @Override
  protected Store openStore(InstantSource clock) {
    StoreConfig config = new StoreConfig(clock, 4, Duration.ofSeconds(5));
    return JdbcStores.open(pool(config), new PostgresDialect(), config);
  }

  @Test
  void sessionsRunInANonUtcZone_soTheTestsWouldCatchZoneBugs() throws SQLException {
    try (HikariDataSource pool =
            new HikariDataSource(pool(StoreConfig.defaults(InstantSource.system())));
        Connection c = pool.getConnection();
        ResultSet zone = c.createStatement().executeQuery("SHOW TimeZone")) {
      zone.next();
      assertThat(zone.getString(1)).isEqualTo(SESSION_ZONE);
    }
  }

  @Test
  void theSchema_isTheEmbeddedOne_columnForColumn() throws SQLException {
    StoreConfig config = StoreConfig.defaults(InstantSource.system());
    String h2 = "jdbc:h2:mem:" + schema;
    try (Store postgres = openStore(config.clock());
        Store embedded = JdbcStores.open(h2, config);
        Connection p = DriverManager.getConnection(URL);
        Connection e = DriverManager.getConnection(h2)) {
      assertThat(postgres.reachable() && embedded.reachable()).as("both migrated").isTrue();
      p.createStatement().execute("SET search_path TO " + schema);
      for (String[] catalog : CATALOG) {
        assertThat(rows(p, catalog[1])).as(catalog[0]).isNotEmpty()
            .isEqualTo(rows(e, catalog[2]));
      }
    }
  }

  /** What must match: (what, the query on PostgreSQL, the query on H2), rows lower-cased. */
  private static final String[][] CATALOG = {
      {"columns",
          "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable"
              + " FROM information_schema.columns WHERE table_schema = current_schema()"
              + " AND table_name <> 'flyway_schema_history'",
          "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable"
              + " FROM information_schema.columns WHERE table_schema = 'PUBLIC'"
              + " AND table_name <> 'flyway_schema_history'"},
      {"constraints",
          "SELECT table_name, constraint_name, constraint_type"
              + " FROM information_schema.table_constraints"
              + " WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history'"
              + " AND constraint_name NOT LIKE '%_not_null'", // PostgreSQL lists NOT NULL too
          "SELECT table_name, constraint_name, constraint_type"
              + " FROM information_schema.table_constraints"
              + " WHERE table_schema = 'PUBLIC' AND table_name <> 'flyway_schema_history'"},
      {"indexes",
          "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = current_schema()"
              + " AND tablename <> 'flyway_schema_history' AND indexname NOT IN (SELECT"
              + " constraint_name FROM information_schema.table_constraints"
              + " WHERE table_schema = current_schema())",
          // H2 also indexes each foreign key itself, as <constraint>_INDEX_<n>.
          "SELECT table_name, index_name FROM information_schema.indexes"
              + " WHERE table_schema = 'PUBLIC' AND index_type_name = 'INDEX'"
              + " AND table_name <> 'flyway_schema_history'"
              + " AND NOT REGEXP_LIKE(index_name, '_FK_INDEX_[0-9A-F]+$')"}};

  private static SortedSet<String> rows(Connection c, String sql) throws SQLException {
    SortedSet<String> rows = new TreeSet<>();
    try (ResultSet result = c.createStatement().executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? " " : "").append(result.getString(i));
        }
        rows.add(row.toString().toLowerCase(Locale.ROOT));
      }
    }
    return rows;
  }

  private HikariConfig pool(StoreConfig config) {
    String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    HikariConfig pool = JdbcStores.poolConfig(url, config);
    pool.setConnectionInitSql("SET TIME ZONE '" + SESSION_ZONE + "'");
    pool.setMinimumIdle(1); // open connections as the test needs them, not four up front
    return pool;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }
}

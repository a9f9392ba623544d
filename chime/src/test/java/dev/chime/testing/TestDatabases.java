package dev.chime.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The local PostgreSQL of the tests ({@code CHIME_TEST_PG_URL}, by default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), and a database of its own for a
 * test that needs more isolation than a schema: its sessions, notifications and backends are
 * told apart by the database's name. When no server answers, a test is skipped with a message,
 * except on CI ({@code CI=true}), where that fails.
 */
public final class TestDatabases {
  public static final String URL = Optional.ofNullable(System.getenv("CHIME_TEST_PG_URL"))
      .orElse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private TestDatabases() {}

  /** Skips the calling test (fails it on CI) when the server does not answer. */
  public static void requireServer(String test) {
    DriverManager.setLoginTimeout(3);
    try {
      DriverManager.getConnection(URL).close();
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + withoutPassword(URL) + " ("
          + e.getMessage() + "); start it or set CHIME_TEST_PG_URL";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      System.err.println(test + " skipped: " + message);
      Assumptions.abort(message);
    }
  }

  /** A new empty database; returns its name. */
  public static String create() {
    String name = "chime_t_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE DATABASE " + name);
    return name;
  }

  /** Drops a database made by {@link #create}, ending whatever sessions it still has. */
  public static void drop(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The test server's URL with another database in it (the query string kept). */
  public static String urlOf(String database) {
    return withDatabase(URL, database);
  }

  /** {@code url} naming {@code database} instead of its own. */
  public static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String rest = query < 0 ? "" : url.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
  }

  /** {@code url} pointing at another host and port (a proxy), the rest kept. */
  public static String withHostPort(String url, String hostPort) {
    String prefix = "jdbc:postgresql://";
    int slash = url.indexOf('/', prefix.length());
    return prefix + hostPort + url.substring(slash);
  }

  /** The host and port of the test server's URL. */
  public static String hostPort() {
    String prefix = "jdbc:postgresql://";
    return URL.substring(prefix.length(), URL.indexOf('/', prefix.length()));
  }

  /** Runs one statement on the test server's own database (auto-commit). */
  public static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(URL); Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static String withoutPassword(String url) {
    return url.replaceAll("password=[^&;]*", "password=***");
  }
}

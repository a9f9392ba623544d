package dev.chime.store.jdbc;

import dev.chime.schedule.Namespace;
import dev.chime.store.Conflict;
import dev.chime.store.NamespaceStore;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Namespaces with their headers; the signing secret and token hashes only through their methods. */
final class JdbcNamespaceStore implements NamespaceStore {
  private static final int MAX_SECRET = 256;

  private static final String INSERT = "INSERT INTO namespaces (name, base_url, environment,"
      + " signing_secret, created_at) VALUES (?, ?, ?, ?, ?)";
  private static final String INSERT_HEADER = "INSERT INTO namespace_headers (namespace,"
      + " header_name, header_value) VALUES (?, ?, ?)";
  private static final String INSERT_TOKEN = "INSERT INTO namespace_tokens (token_hash,"
      + " namespace, created_at) VALUES (?, ?, ?)";
  private static final String SELECT = "SELECT name, base_url, environment FROM namespaces";
  private static final String FIND = SELECT + " WHERE name = ?";
  private static final String LIST = SELECT + " ORDER BY name";
  private static final String HEADERS = "SELECT namespace, header_name, header_value"
      + " FROM namespace_headers";
  private static final String HEADERS_OF = HEADERS + " WHERE namespace = ? ORDER BY header_name";
  private static final String ALL_HEADERS = HEADERS + " ORDER BY namespace, header_name";
  private static final String SECRET = "SELECT signing_secret FROM namespaces WHERE name = ?";
  private static final String UPDATE_BASE_URL = "UPDATE namespaces SET base_url = ?"
      + " WHERE name = ?";
  private static final String TOKEN = "SELECT namespace FROM namespace_tokens"
      + " WHERE token_hash = ?";

  private final Database db;

  JdbcNamespaceStore(Database db) {
    this.db = db;
  }

  @Override
  public void create(Namespace namespace, String signingSecret, String tokenHash) {
    Sql.requireText("signingSecret", signingSecret, MAX_SECRET);
    Sql.requireText("tokenHash", tokenHash, MAX_SECRET);
    Instant now = db.now();
    db.transaction(c -> {
      try {
        Sql.update(c, INSERT, namespace.name(), namespace.baseUrl().toString(),
            namespace.environment(), signingSecret, now);
      } catch (SQLException e) {
        if (db.dialect().duplicate(e)) {
          throw new Conflict("namespace \"" + namespace.name() + "\" already exists");
        }
        throw e;
      }
      insertHeaders(c, namespace);
      try {
        Sql.update(c, INSERT_TOKEN, tokenHash, namespace.name(), now);
      } catch (SQLException e) {
        if (db.dialect().duplicate(e)) {
          throw new Conflict("the token is already used by another namespace");
        }
        throw e;
      }
      return null;
    });
  }

  @Override
  public Optional<Namespace> find(String name) {
    return db.read(c -> {
      List<Row> found = Sql.query(c, FIND, Row::of, name);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Map<String, Map<String, String>> headers = byNamespace(
          Sql.query(c, HEADERS_OF, Header::of, name));
      return Optional.of(found.getFirst().namespace(headers));
    });
  }

  @Override
  public boolean updateBaseUrl(String name, URI baseUrl) {
    return db.transaction(c -> Sql.update(c, UPDATE_BASE_URL, baseUrl.toString(), name)) > 0;
  }

  @Override
  public List<Namespace> list() {
    return db.read(c -> {
      Map<String, Map<String, String>> headers = byNamespace(
          Sql.query(c, ALL_HEADERS, Header::of));
      return Sql.query(c, LIST, Row::of).stream().map(row -> row.namespace(headers)).toList();
    });
  }

  @Override
  public Optional<String> signingSecret(String name) {
    return db.read(c -> Sql.query(c, SECRET, row -> row.getString(1), name))
        .stream().findFirst();
  }

  @Override
  public Optional<String> namespaceOfToken(String tokenHash) {
    return db.read(c -> Sql.query(c, TOKEN, row -> row.getString(1), tokenHash))
        .stream().findFirst();
  }

  private static void insertHeaders(Connection c, Namespace namespace) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT_HEADER)) {
      for (Map.Entry<String, String> header : namespace.headers().entrySet()) {
        Sql.bind(insert, namespace.name(), header.getKey(), header.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static Map<String, Map<String, String>> byNamespace(List<Header> headers) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (Header header : headers) {
      result.computeIfAbsent(header.namespace(), n -> new LinkedHashMap<>())
          .put(header.name(), header.value());
    }
    return result;
  }

  /** A namespaces row, before its headers are attached. */
  private record Row(String name, String baseUrl, Namespace.Environment environment) {
    static Row of(ResultSet row) throws SQLException {
      return new Row(row.getString("name"), row.getString("base_url"),
          Sql.enumeration(row, "environment", Namespace.Environment.class));
    }

    Namespace namespace(Map<String, Map<String, String>> headers) {
      return new Namespace(name, URI.create(baseUrl), environment,
          headers.getOrDefault(name, Map.of()));
    }
  }

  private record Header(String namespace, String name, String value) {
    static Header of(ResultSet row) throws SQLException {
      return new Header(row.getString("namespace"), row.getString("header_name"),
          row.getString("header_value"));
    }
  }
}

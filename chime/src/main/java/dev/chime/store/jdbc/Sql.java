package dev.chime.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Binding and reading values the same way everywhere. Instants go in as UTC {@link
 * OffsetDateTime}s, never {@code java.sql.Timestamp} (whose conversions use the JVM's default
 * zone), and are kept to the microsecond, the precision of both databases.
 */
final class Sql {
  /**
   * The lower bound of a range over a nullable instant column, before any instant Chime writes.
   * H2 keeps NULLs first in an index, so a range with no lower bound ({@code next_attempt_at <=
   * ?}) walks every NULL before its first match, and {@code MIN(column)} does the same: for a
   * column that is NULL in most rows (a run's next attempt, lease or callback deadline) that is
   * the whole run history, on every pass of the scheduler. Ranges over such columns start here.
   */
  static final String SINCE_EVER = "TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00'";

  private Sql() {}

  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** An instant as the database keeps it; values the store returns go through here. */
  static Instant stored(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    bind(statement, parameters);
    return statement;
  }

  static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      bind(statement, i + 1, parameters[i]);
    }
  }

  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  static <T> List<T> query(Connection connection, String sql, Row<T> mapper,
      Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.read(rows));
      }
      return result;
    }
  }

  /** Runs the update once per set of parameters, in one batch; the update count of each. */
  static int[] updateEach(Connection connection, String sql, List<Object[]> parameterSets)
      throws SQLException {
    if (parameterSets.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : parameterSets) {
        bind(statement, parameters);
        statement.addBatch();
      }
      return statement.executeBatch();
    }
  }

  /** Runs the query once per set of parameters, on one statement; the rows of all, in order. */
  static <T> List<T> queryEach(Connection connection, String sql, Row<T> mapper,
      List<Object[]> parameterSets) throws SQLException {
    List<T> result = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : parameterSets) {
        bind(statement, parameters);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            result.add(mapper.read(rows));
          }
        }
      }
    }
    return result;
  }

  /** The parameters in order, the elements of any {@code Object[]} among them spliced in. */
  static Object[] flat(Object... parameters) {
    List<Object> result = new ArrayList<>();
    for (Object parameter : parameters) {
      if (parameter instanceof Object[] group) {
        result.addAll(Arrays.asList(group));
      } else {
        result.add(parameter);
      }
    }
    return result.toArray();
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Duration millis(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : Duration.ofMillis(value);
  }

  static <E extends Enum<E>> E enumeration(ResultSet row, String column, Class<E> type)
      throws SQLException {
    String value = row.getString(column);
    return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
  }

  /** An enumeration as stored: its lower-case name, the id the API shows. */
  static String id(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The text cut to fit a column of {@code max} characters, so a long message never fails a
   * write; no text is stored empty.
   */
  static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** The longest prefix of the text that is at most {@code maxBytes} bytes of UTF-8. */
  static String utf8Prefix(String text, int maxBytes) {
    if (text == null || text.length() * 3L <= maxBytes) {
      return text;
    }
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes > maxBytes) {
        break;
      }
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }

  /** A value that must fit its column; the message names the field but never shows the value. */
  static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be 1 to " + max + " characters, not blank");
    }
    return value;
  }

  private static void bind(PreparedStatement statement, int index, Object value)
      throws SQLException {
    switch (value) {
      case null -> statement.setNull(index, Types.NULL);
      case Instant instant ->
          statement.setObject(index, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
      case Duration duration -> statement.setLong(index, duration.toMillis());
      case Enum<?> enumeration -> statement.setString(index, id(enumeration));
      case String text -> statement.setString(index, text);
      case Integer number -> statement.setInt(index, number);
      case Long number -> statement.setLong(index, number);
      case Boolean flag -> statement.setBoolean(index, flag);
      default -> throw new IllegalArgumentException(
          "cannot bind a " + value.getClass().getName() + " to a statement");
    }
  }
}

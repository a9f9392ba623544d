package dev.chime.store.jdbc;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How a store is opened.
 *
 * @param clock stamps {@code created_at} and {@code updated_at}; every other instant is passed in
 *     by the caller
 * @param maxPoolSize connections kept open to the database
 * @param connectionTimeout how long a call waits for a free connection (and {@link
 *     dev.chime.store.Store#reachable()} for an answer) before it fails
 */
public record StoreConfig(InstantSource clock, int maxPoolSize, Duration connectionTimeout) {

  public StoreConfig {
    Objects.requireNonNull(clock, "clock");
    if (maxPoolSize < 1 || maxPoolSize > 100) {
      throw new IllegalArgumentException(
          "maxPoolSize must be between 1 and 100, was " + maxPoolSize);
    }
    if (connectionTimeout == null
        || connectionTimeout.compareTo(Duration.ofMillis(250)) < 0
        || connectionTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "connectionTimeout must be between 250 ms and 1 minute, was " + connectionTimeout);
    }
  }

  /** Ten connections, five seconds to get one. */
  public static StoreConfig defaults(InstantSource clock) {
    return new StoreConfig(clock, 10, Duration.ofSeconds(5));
  }
}

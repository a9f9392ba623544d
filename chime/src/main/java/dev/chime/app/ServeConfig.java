package dev.chime.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code chime serve} was asked for.
 *
 * @param port the HTTP port of the API (0 picks a free one)
 * @param dataDirectory where the embedded database and the admin token's hash live
 * @param databaseUrl a PostgreSQL JDBC URL instead of the embedded database, or null
 * @param demo create the {@code demo} namespace and its built-in receiver
 * @param adminToken the admin token from {@code CHIME_ADMIN_TOKEN}, or null to generate one
 * @param retention how long finished runs are kept
 * @param allowedAddresses addresses or names callbacks may reach although the address policy
 *     refuses them (link-local, cloud metadata)
 * @param lease how long an attempt is held without a heartbeat before another process may
 *     take it over; the heartbeat renews leases every third of it
 * @param publicUrl where people reach this service (the dashboard), for the links in alerts;
 *     null when unknown
 * @param poolSize connections to the database in the pool (a shared PostgreSQL also gets one
 *     more per replica, for change notifications)
 * @param batchSize how many due fires, or runs to attempt, one claiming transaction takes
 * @param poll the scheduler's periodic check for due work, a safety net under the wake-ups
 */
public record ServeConfig(
    int port,
    Path dataDirectory,
    String databaseUrl,
    boolean demo,
    String adminToken,
    Duration retention,
    int maxInFlight,
    int maxInFlightPerNamespace,
    List<String> allowedAddresses,
    Duration lease,
    URI publicUrl,
    int poolSize,
    int batchSize,
    Duration poll) {
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final int DEFAULT_BATCH_SIZE = 200;
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(10);

  public ServeConfig {
    allowedAddresses = List.copyOf(allowedAddresses);
  }

  /** Without a public URL (alerts carry no link), with the default pool, batch and check. */
  public ServeConfig(int port, Path dataDirectory, String databaseUrl, boolean demo,
      String adminToken, Duration retention, int maxInFlight, int maxInFlightPerNamespace,
      List<String> allowedAddresses, Duration lease) {
    this(port, dataDirectory, databaseUrl, demo, adminToken, retention, maxInFlight,
        maxInFlightPerNamespace, allowedAddresses, lease, null);
  }

  /** With the default pool size, batch size and periodic check. */
  public ServeConfig(int port, Path dataDirectory, String databaseUrl, boolean demo,
      String adminToken, Duration retention, int maxInFlight, int maxInFlightPerNamespace,
      List<String> allowedAddresses, Duration lease, URI publicUrl) {
    this(port, dataDirectory, databaseUrl, demo, adminToken, retention, maxInFlight,
        maxInFlightPerNamespace, allowedAddresses, lease, publicUrl, DEFAULT_POOL_SIZE,
        DEFAULT_BATCH_SIZE, DEFAULT_POLL);
  }
}

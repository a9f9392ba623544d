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
 *     take it over
 * @param publicUrl where people reach this service (the dashboard), for the links in alerts;
 *     null when unknown
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
    URI publicUrl) {

  public ServeConfig {
    allowedAddresses = List.copyOf(allowedAddresses);
  }

  /** Without a public URL: alerts carry no link. */
  public ServeConfig(int port, Path dataDirectory, String databaseUrl, boolean demo,
      String adminToken, Duration retention, int maxInFlight, int maxInFlightPerNamespace,
      List<String> allowedAddresses, Duration lease) {
    this(port, dataDirectory, databaseUrl, demo, adminToken, retention, maxInFlight,
        maxInFlightPerNamespace, allowedAddresses, lease, null);
  }
}

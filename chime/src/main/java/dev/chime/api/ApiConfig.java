package dev.chime.api;

import dev.chime.schedule.Namespace.Environment;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * How the API is served.
 *
 * @param port the TCP port; 0 picks a free one (tests)
 * @param adminTokenHash the lower-case hex SHA-256 of the admin token ({@link #hashToken})
 * @param tokensPerRun what one dispatched run costs in each environment (SPEC §6.1)
 * @param maxBodyBytes requests with a larger body are refused with 413
 */
public record ApiConfig(int port, String adminTokenHash, Map<Environment, Integer> tokensPerRun,
    int maxBodyBytes) {

  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
  public static final Map<Environment, Integer> DEFAULT_TOKENS_PER_RUN =
      Map.of(Environment.PRODUCTION, 2, Environment.SANDBOX, 0);

  public ApiConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
    if (adminTokenHash == null || !adminTokenHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("adminTokenHash must be a lower-case hex SHA-256");
    }
    Map<Environment, Integer> costs = new EnumMap<>(Environment.class);
    for (Environment environment : Environment.values()) {
      Integer cost = tokensPerRun == null ? null : tokensPerRun.get(environment);
      if (cost == null || cost < 0) {
        throw new IllegalArgumentException("tokensPerRun needs a cost of 0 or more for "
            + environment.id());
      }
      costs.put(environment, cost);
    }
    tokensPerRun = Map.copyOf(costs);
    if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be 1 KiB to 16 MiB, was "
          + maxBodyBytes);
    }
  }

  /** Default costs and body limit. */
  public static ApiConfig of(int port, String adminTokenHash) {
    return new ApiConfig(port, adminTokenHash, DEFAULT_TOKENS_PER_RUN, DEFAULT_MAX_BODY_BYTES);
  }

  /** The hash to configure for an admin token; the token itself is never kept. */
  public static String hashToken(String adminToken) {
    if (adminToken == null || adminToken.length() < 16) {
      throw new IllegalArgumentException("the admin token must have at least 16 characters");
    }
    return Secrets.hash(adminToken);
  }

  byte[] adminHashBytes() {
    return HexFormat.of().parseHex(adminTokenHash);
  }

  @Override
  public String toString() {
    return "ApiConfig[port=" + port + ", tokensPerRun=" + tokensPerRun + ", maxBodyBytes="
        + maxBodyBytes + "]";
  }
}

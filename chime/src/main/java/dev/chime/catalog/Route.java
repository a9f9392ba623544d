package dev.chime.catalog;

/** One path of {@code spec.routes}: what the service exposes through its gateway. */
record Route(String path, Position position) {

  /**
   * Whether the route exposes {@code endpoint}: the same path, or a prefix of it by whole
   * segments ({@code /internal} and {@code /internal/*} expose {@code /internal/cron/sync}), as
   * gateways match route prefixes.
   */
  boolean exposes(String endpoint) {
    String prefix = path;
    if (prefix.endsWith("/**")) {
      prefix = prefix.substring(0, prefix.length() - 3);
    } else if (prefix.endsWith("/*") || prefix.endsWith("*")) {
      prefix = prefix.substring(0, prefix.length() - (prefix.endsWith("/*") ? 2 : 1));
    }
    if (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return prefix.isEmpty() || endpoint.equals(prefix) || endpoint.startsWith(prefix + "/");
  }
}

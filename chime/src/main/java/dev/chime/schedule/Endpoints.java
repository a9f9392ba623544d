package dev.chime.schedule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The shapes of callback targets (SPEC §9): an endpoint is a path on the namespace's service; a
 * base URL is an http(s) origin with an optional path prefix. Which addresses may be called is
 * the delivery's decision, made when the host is resolved.
 */
public final class Endpoints {
  public static final int MAX_LENGTH = 2048;

  private Endpoints() {}

  /** A path starting with {@code /}, with no scheme, host, {@code ..} or control characters. */
  public static String checkPath(String field, String path) {
    if (path == null || path.isEmpty()) {
      throw Invalid.of(field, "is required, a path such as /internal/cron/nightly-sync");
    }
    if (path.length() > MAX_LENGTH) {
      throw Invalid.of(field, "is longer than " + MAX_LENGTH + " characters");
    }
    if (!path.startsWith("/") || path.startsWith("//")) {
      throw Invalid.of(field, "must be a path starting with a single /, such as /internal/cron/"
          + "sync; the host comes from the namespace's baseUrl");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '\\' || c == '#') {
        throw Invalid.of(field, "must not contain spaces, control characters, \\ or #"
            + " (found one at position " + (i + 1) + ")");
      }
    }
    String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    for (String segment : route.split("/")) {
      if (segment.equals("..") || segment.equals(".") || segment.equalsIgnoreCase("%2e%2e")) {
        throw Invalid.of(field, "must not contain . or .. segments");
      }
    }
    try {
      new URI(path);
    } catch (URISyntaxException e) {
      throw Invalid.of(field, "is not a valid path: " + e.getReason());
    }
    return path;
  }

  /** An absolute http or https URL with a host and no query, fragment or credentials. */
  public static URI checkBaseUrl(String field, String url) {
    if (url == null || url.isEmpty()) {
      throw Invalid.of(field, "is required, such as https://billing.internal:8443");
    }
    URI uri = checkHttpUrl(field, url);
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw Invalid.of(field, "must not have a query or fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()
        + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
  }

  /**
   * Where alerts are POSTed: checked like a base URL, except that a query is allowed, since some
   * chat tools put their key in it (Google Chat's {@code ?key=…&token=…}), and it is kept as
   * written. Which addresses it may reach is the sender's decision, as for callbacks.
   */
  public static URI checkWebhookUrl(String field, String url) {
    if (url == null || url.isEmpty()) {
      throw Invalid.of(field, "must be a URL such as https://hooks.slack.com/services/…,"
          + " or null for none");
    }
    URI uri = checkHttpUrl(field, url);
    if (uri.getRawFragment() != null) {
      throw Invalid.of(field, "must not have a fragment");
    }
    return uri;
  }

  /** An absolute http or https URL with a host and no credentials. */
  private static URI checkHttpUrl(String field, String url) {
    if (url.length() > MAX_LENGTH) {
      throw Invalid.of(field, "is longer than " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw Invalid.of(field, "is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw Invalid.of(field, "must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw Invalid.of(field, "must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw Invalid.of(field, "must not contain credentials; use the namespace's headers");
    }
    return uri;
  }
}

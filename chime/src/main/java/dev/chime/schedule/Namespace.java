package dev.chime.schedule;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tenant: one team or service (SPEC §1). Its signing secret and API tokens are kept by the
 * store and never part of this value, so it can be shown anywhere.
 *
 * @param baseUrl the service callbacks go to; endpoints are appended to it
 * @param headers static headers sent with every callback; their values are secrets and are
 *     never shown after creation
 * @param alertWebhook where alerts about its schedules are POSTed, or null for none; a secret
 *     too (a Slack webhook's path is its credential), shown by its origin only
 */
public record Namespace(String name, URI baseUrl, Environment environment,
    Map<String, String> headers, URI alertWebhook) {

  public static final int MAX_HEADERS = 20;
  // Set by Chime or by the HTTP client itself; the JDK's client refuses the last five.
  private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "host",
      "connection", "content-length", "expect", "upgrade");

  /** Decides the cost of a run (SPEC §6.1). */
  public enum Environment {
    PRODUCTION,
    SANDBOX;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A namespace without an alert webhook. */
  public Namespace(String name, URI baseUrl, Environment environment,
      Map<String, String> headers) {
    this(name, baseUrl, environment, headers, null);
  }

  public Namespace {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    environment = environment == null ? Environment.PRODUCTION : environment;
    Checks checks = new Checks();
    String n = name;
    URI url = baseUrl;
    checks.run(() -> Names.check("name", n));
    checks.required("baseUrl", url);
    if (headers.size() > MAX_HEADERS) {
      checks.add("headers", "has more than " + MAX_HEADERS + " entries");
    }
    headers.forEach((key, value) -> {
      if (!key.matches("[A-Za-z0-9-]{1,64}") || key.toLowerCase(Locale.ROOT).startsWith("x-chime-")
          || RESERVED_HEADERS.contains(key.toLowerCase(Locale.ROOT))) {
        checks.add("headers." + key, "is not a header Chime can send: use letters, digits and"
            + " dashes, not X-Chime-* or one the HTTP client sets itself (" + String.join(", ",
            RESERVED_HEADERS.stream().sorted().toList()) + ")");
      }
      if (value.length() > 4096 || value.chars().anyMatch(c -> c < ' ' || c > '~')) {
        checks.add("headers." + key, "value must be at most 4096 printable ASCII characters");
      }
    });
    URI webhook = alertWebhook;
    if (webhook != null && (webhook.getHost() == null || webhook.getScheme() == null
        || !webhook.getScheme().toLowerCase(Locale.ROOT).matches("https?"))) {
      checks.add("alertWebhook", "must be an http:// or https:// URL with a host");
    }
    checks.throwIfAny();
  }

  /** The same namespace with another alert webhook (null for none). */
  public Namespace withAlertWebhook(URI webhook) {
    return new Namespace(name, baseUrl, environment, headers, webhook);
  }

  /** The alert webhook as it may be shown: its origin, the rest elided; null when none. */
  public String alertWebhookShown() {
    return shown(alertWebhook);
  }

  /** A URL as it may be shown: scheme, host and port, then "/…" when anything follows. */
  static String shown(URI url) {
    if (url == null) {
      return null;
    }
    String origin = url.getScheme() + "://" + url.getRawAuthority();
    String rest = url.getRawPath() == null ? "" : url.getRawPath();
    return rest.isEmpty() && url.getRawQuery() == null ? origin : origin + "/…";
  }

  /** Header values and the webhook's path are secrets: never in a log line by accident. */
  @Override
  public String toString() {
    return "Namespace[name=" + name + ", baseUrl=" + baseUrl + ", environment="
        + environment.id() + ", headers=" + headers.keySet().stream().sorted().toList()
        + ", alertWebhook=" + shown(alertWebhook) + "]";
  }
}

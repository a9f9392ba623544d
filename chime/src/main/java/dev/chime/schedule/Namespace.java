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
 */
public record Namespace(String name, URI baseUrl, Environment environment,
    Map<String, String> headers) {

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
    checks.throwIfAny();
  }
}

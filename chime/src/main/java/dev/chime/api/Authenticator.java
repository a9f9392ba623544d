package dev.chime.api;

import dev.chime.store.NamespaceStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides who calls, before any handler runs: {@code Authorization: Bearer <token>} with the
 * admin token (compared by hash in constant time) or a namespace token (looked up by its hash).
 * Two routes are public: the OpenAPI document, and run completion, which is authenticated by the
 * run's signature instead.
 */
final class Authenticator implements Handler {
  private static final String CALLER = "chime.caller";
  private static final Pattern PUBLIC =
      Pattern.compile("/v1/openapi\\.json/?|/v1/runs/[^/]+/complete/?");
  private static final int MAX_TOKEN = 256;

  private final byte[] adminHash;
  private final NamespaceStore namespaces;

  Authenticator(byte[] adminHash, NamespaceStore namespaces) {
    this.adminHash = adminHash.clone();
    this.namespaces = namespaces;
  }

  /** The caller of an authenticated route. */
  static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) {
      throw new IllegalStateException("route " + ctx.path() + " is not behind the authenticator");
    }
    return caller;
  }

  @Override
  public void handle(Context ctx) {
    if (PUBLIC.matcher(ctx.path()).matches()) {
      return;
    }
    ctx.attribute(CALLER, authenticate(ctx.header("Authorization")));
  }

  private Caller authenticate(String header) {
    if (header == null || header.isBlank()) {
      throw Problem.unauthorized("this route needs a token: send Authorization: Bearer <token>");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Problem.unauthorized("the Authorization header must be Bearer <token>");
    }
    String token = header.substring(7).strip();
    if (!token.isEmpty() && token.length() <= MAX_TOKEN) {
      if (Secrets.matches(token, adminHash)) {
        return new Caller.Admin();
      }
      Optional<String> namespace = namespaces.namespaceOfToken(Secrets.hash(token));
      if (namespace.isPresent()) {
        return new Caller.Tenant(namespace.get());
      }
    }
    throw Problem.unauthorized("the token is not valid");
  }
}

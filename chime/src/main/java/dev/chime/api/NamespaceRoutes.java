package dev.chime.api;

import dev.chime.schedule.Namespace;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;

/**
 * {@code /v1/namespaces}: created by the admin only; listed, read and updated by anyone who
 * reaches them (the admin sees all, a namespace token its own). And {@code /v1/whoami}: whose
 * the token is.
 */
final class NamespaceRoutes {
  private final ApiContext api;

  NamespaceRoutes(ApiContext api) {
    this.api = api;
  }

  void register(JavalinDefaultRouting router) {
    router.post("/v1/namespaces", this::create);
    router.get("/v1/namespaces", this::list);
    router.get("/v1/namespaces/{ns}", this::read);
    router.patch("/v1/namespaces/{ns}", this::update);
    router.get("/v1/whoami", this::whoami);
  }

  private void create(Context ctx) {
    ApiContext.requireAdmin(ctx);
    Namespace namespace = api.json(ctx, NamespaceJson.Request.class).toNamespace(api.addresses);
    String token = Secrets.newToken();
    String secret = Secrets.newSigningSecret();
    api.store.namespaces().create(namespace, secret, Secrets.hash(token));
    ctx.status(201)
        .header("Location", "/v1/namespaces/" + namespace.name())
        .json(NamespaceJson.Created.of(namespace, token, secret));
  }

  private void list(Context ctx) {
    Caller caller = Authenticator.caller(ctx);
    ctx.json(new NamespaceJson.Listing(api.store.namespaces().list().stream()
        .filter(n -> caller.reaches(n.name()))
        .map(NamespaceJson.View::of)
        .toList()));
  }

  private void read(Context ctx) {
    ctx.json(NamespaceJson.View.of(api.namespace(ctx)));
  }

  private void update(Context ctx) {
    Namespace current = api.namespace(ctx);
    byte[] body = api.body(ctx);
    NamespaceJson.Patch patch = Json.read(body, NamespaceJson.Patch.class);
    Namespace changed = patch.applyTo(current, Json.fieldNames(body),
        Authenticator.caller(ctx) instanceof Caller.Admin, api.addresses);
    if (!changed.equals(current) && !api.store.namespaces().update(changed)) {
      throw ApiContext.namespaceNotFound(current.name());
    }
    ctx.json(NamespaceJson.View.of(changed));
  }

  private void whoami(Context ctx) {
    ctx.json(switch (Authenticator.caller(ctx)) {
      case Caller.Admin admin -> new NamespaceJson.Whoami("admin", null);
      case Caller.Tenant tenant -> new NamespaceJson.Whoami("namespace", tenant.namespace());
    });
  }
}

package dev.chime.api;

import dev.chime.schedule.Namespace;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;

/**
 * {@code /v1/namespaces}: created by the admin only; listed and read by anyone who reaches them
 * (the admin sees all, a namespace token its own).
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
  }

  private void create(Context ctx) {
    ApiContext.requireAdmin(ctx);
    Namespace namespace = api.json(ctx, NamespaceJson.Request.class).toNamespace();
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
}

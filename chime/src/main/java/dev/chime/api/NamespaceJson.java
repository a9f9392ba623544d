package dev.chime.api;

import dev.chime.delivery.AddressPolicy;
import dev.chime.schedule.Endpoints;
import dev.chime.schedule.Names;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Namespace.Environment;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A namespace as JSON. Header values are secrets: responses show their names only. */
final class NamespaceJson {
  private static final URI HEADER_CHECK_URL = URI.create("http://headers.invalid");

  private NamespaceJson() {}

  /** The body of {@code POST /v1/namespaces}. */
  record Request(String name, String baseUrl, String environment, Map<String, String> headers,
      String alertWebhook) {

    Namespace toNamespace(AddressPolicy addresses) {
      Problems problems = new Problems();
      problems.get(() -> Names.check("name", name), null);
      URI url = problems.get(() -> Endpoints.checkBaseUrl("baseUrl", baseUrl), null);
      URI webhook = alertWebhook == null ? null
          : problems.get(() -> Webhooks.check("alertWebhook", alertWebhook, addresses), null);
      Environment env = problems.choice("environment", environment, Environment.values(),
          Environment::id, Environment.PRODUCTION);
      if (headers != null) {
        List<String> nulls = headers.entrySet().stream().filter(e -> e.getValue() == null)
            .map(Map.Entry::getKey).toList();
        nulls.forEach(key -> problems.add("headers." + Text.clip(key), "must be text, not null"));
        if (nulls.isEmpty()) {
          // The headers' own rules, checked apart so that their problems join the others.
          problems.get(() -> new Namespace("headers", HEADER_CHECK_URL, env, headers), null);
        }
      }
      problems.throwIfAny();
      return new Namespace(name, url, env, headers, webhook);
    }
  }

  /**
   * The body of {@code PATCH /v1/namespaces/{ns}}: the fields it names change, the others stay;
   * {@code alertWebhook: null} removes the webhook.
   */
  record Patch(String baseUrl, String environment, String alertWebhook) {

    /**
     * The namespace changed as asked.
     *
     * @param named the fields the body names, null or not
     * @param admin whether the caller holds the admin token: only the admin changes the
     *     environment, which sets what runs cost
     */
    Namespace applyTo(Namespace current, Set<String> named, boolean admin,
        AddressPolicy addresses) {
      Problems problems = new Problems();
      URI url = !named.contains("baseUrl") ? current.baseUrl()
          : problems.get(() -> Endpoints.checkBaseUrl("baseUrl", baseUrl), current.baseUrl());
      Environment env = !named.contains("environment") ? current.environment()
          : problems.choice("environment", environment == null ? "" : environment,
              Environment.values(), Environment::id, current.environment());
      URI webhook = !named.contains("alertWebhook") ? current.alertWebhook()
          : alertWebhook == null ? null
          : problems.get(() -> Webhooks.check("alertWebhook", alertWebhook, addresses), null);
      problems.throwIfAny();
      if (env != current.environment() && !admin) {
        throw Problem.forbidden("only the admin token may change a namespace's environment,"
            + " which sets what its runs cost");
      }
      return new Namespace(current.name(), url, env, current.headers(), webhook);
    }
  }

  /**
   * What every response shows.
   *
   * @param alertWebhook its origin only, the rest elided (a webhook's path is its secret)
   */
  record View(String name, String baseUrl, String environment, List<String> headers,
      String alertWebhook) {
    static View of(Namespace namespace) {
      return new View(namespace.name(), namespace.baseUrl().toString(),
          namespace.environment().id(), namespace.headers().keySet().stream().sorted().toList(),
          namespace.alertWebhookShown());
    }
  }

  /** The answer to creation: the only time the token and signing secret are shown. */
  record Created(String name, String baseUrl, String environment, List<String> headers,
      String alertWebhook, String token, String signingSecret) {
    static Created of(Namespace namespace, String token, String signingSecret) {
      View view = View.of(namespace);
      return new Created(view.name(), view.baseUrl(), view.environment(), view.headers(),
          view.alertWebhook(), token, signingSecret);
    }
  }

  /**
   * Who the token belongs to, for the dashboard to know where to go.
   *
   * @param role {@code admin}, or {@code namespace} for a namespace token
   * @param namespace the namespace of a namespace token; null for the admin
   */
  record Whoami(String role, String namespace) {}

  record Listing(List<View> namespaces) {}
}

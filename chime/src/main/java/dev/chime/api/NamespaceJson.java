package dev.chime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chime.schedule.Endpoints;
import dev.chime.schedule.Names;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Namespace.Environment;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** A namespace as JSON. Header values are secrets: responses show their names only. */
final class NamespaceJson {
  private static final URI HEADER_CHECK_URL = URI.create("http://headers.invalid");

  private NamespaceJson() {}

  /** The body of {@code POST /v1/namespaces}. */
  record Request(String name, String baseUrl, String environment, Map<String, String> headers) {

    Namespace toNamespace() {
      Problems problems = new Problems();
      problems.get(() -> Names.check("name", name), null);
      URI url = problems.get(() -> Endpoints.checkBaseUrl("baseUrl", baseUrl), null);
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
      return new Namespace(name, url, env, headers);
    }
  }

  /** What every response shows. */
  record View(String name, String baseUrl, String environment, List<String> headers) {
    static View of(Namespace namespace) {
      return new View(namespace.name(), namespace.baseUrl().toString(),
          namespace.environment().id(), namespace.headers().keySet().stream().sorted().toList());
    }
  }

  /** The answer to creation: the only time the token and signing secret are shown. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Created(String name, String baseUrl, String environment, List<String> headers,
      String token, String signingSecret) {
    static Created of(Namespace namespace, String token, String signingSecret) {
      View view = View.of(namespace);
      return new Created(view.name(), view.baseUrl(), view.environment(), view.headers(), token,
          signingSecret);
    }
  }

  record Listing(List<View> namespaces) {}
}

package dev.chime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The few requests the command line sends to a Chime server. A server that cannot be reached
 * is a {@link Unreachable} with one line saying why; any answer, error or not, is a {@link
 * Answer} for the command to explain.
 */
final class ChimeClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI server;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /**
   * @param server {@code http(s)://host[:port]}, a trailing slash or path prefix allowed
   * @throws IllegalArgumentException when it is not such a URL
   */
  ChimeClient(String server, String token) {
    this.server = serverUri(server);
    this.token = token;
  }

  /**
   * An answer of the server.
   *
   * @param body the JSON answered; a missing node when the answer was not JSON
   */
  record Answer(int status, JsonNode body) {}

  /** The server could not be asked: refused, timed out, unknown host. */
  static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message, null, false, false);
    }
  }

  URI server() {
    return server;
  }

  /** {@code POST /v1/namespaces/{ns}/apply} with the file as YAML. */
  Answer apply(String namespace, String file, byte[] content, boolean prune, boolean dryRun)
      throws Unreachable {
    URI uri = server.resolve("v1/namespaces/" + encode(namespace) + "/apply?dryRun=" + dryRun
        + "&prune=" + prune + "&file=" + encode(file));
    return send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/yaml")
        .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  private Answer send(HttpRequest.Builder request) throws Unreachable {
    request.timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), json(response.body()));
    } catch (ConnectException e) {
      throw new Unreachable("cannot connect to " + server + ": connection refused"
          + " (is chime serve running there?)");
    } catch (HttpConnectTimeoutException e) {
      throw new Unreachable("cannot connect to " + server + " within "
          + CONNECT_TIMEOUT.toSeconds() + " s");
    } catch (HttpTimeoutException e) {
      throw new Unreachable(server + " did not answer within "
          + REQUEST_TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      throw new Unreachable("cannot reach " + server + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while waiting for " + server);
    }
  }

  private static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private static URI serverUri(String text) {
    URI uri;
    try {
      uri = URI.create(text.strip());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    String scheme = uri == null || uri.getScheme() == null ? ""
        : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("--server must be the server's http(s) URL, such as"
          + " http://127.0.0.1:8080; was \"" + text + "\"");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return URI.create(scheme + "://" + uri.getRawAuthority()
        + (path.endsWith("/") ? path : path + "/"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

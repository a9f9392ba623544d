package dev.chime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.api.ApiConfig;
import dev.chime.api.ApiServer;
import dev.chime.delivery.LiveLogs;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import dev.chime.testing.FakeClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files as the server hands them out: every file of the folder and no other,
 * under a policy that runs no inline script, revalidated by ETag; and pages that never turn data
 * into markup.
 */
class DashboardFilesTest {
  private static final Path FOLDER = Path.of("src/main/resources/dev/chime/web");
  private static final Pattern MARKUP_SINKS = Pattern.compile(
      "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(");

  private final FakeClock clock = FakeClock.at("2026-03-07T12:00:00Z");
  private final Store store = JdbcStores.open("jdbc:h2:mem:web-" + UUID.randomUUID()
      + ";DB_CLOSE_DELAY=-1", StoreConfig.defaults(clock));
  private final ApiServer server = ApiServer.start(
      ApiConfig.of(0, ApiConfig.hashToken("admin-token-of-the-files-test")),
      new ApiServer.Dependencies(store, new ScheduleService(store, clock, () -> { }, () -> "r"),
          new LiveLogs(clock), clock, () -> true));
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    server.close();
    store.close();
  }

  @Test
  void everyFileOfTheFolder_isServed_andNoOther() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactlyElementsOf(Dashboard.ASSETS.stream().sorted().toList());
    }
  }

  @Test
  void thePage_isServedAtTheRoot_underAPolicyWithoutInlineScript() throws Exception {
    HttpResponse<String> page = get("/", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Dashboard.POLICY);
    assertThat(Dashboard.POLICY).contains("script-src 'self'").doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/ui/app.js\"></script>")
        .doesNotContainPattern("<script>|<script type=\"module\">|\\sstyle=|\\son\\w+=");
  }

  @Test
  void aFile_isRevalidatedByItsETag_andAnUnknownOneIsAProblem() throws Exception {
    HttpResponse<String> script = get("/ui/app.js", null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/javascript");
    String etag = script.headers().firstValue("ETag").orElseThrow();

    assertThat(get("/ui/app.js", etag).statusCode()).isEqualTo(304);
    HttpResponse<String> missing = get("/ui/secrets.txt", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(get("/favicon.ico", null).headers().firstValue("Content-Type"))
        .hasValue("image/svg+xml");
  }

  @Test
  void theScripts_neverTurnDataIntoMarkup() throws IOException {
    for (String asset : Dashboard.ASSETS) {
      if (asset.endsWith(".js")) {
        assertThat(Files.readString(FOLDER.resolve(asset))).as(asset)
            .doesNotContainPattern(MARKUP_SINKS);
      }
    }
  }

  private HttpResponse<String> get(String path, String etag) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path));
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

}

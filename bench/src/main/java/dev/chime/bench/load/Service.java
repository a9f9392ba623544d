package dev.chime.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.app.Chime;
import dev.chime.app.ServeConfig;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chime as {@code chime serve} runs it ({@link Chime#start}: H2 in a temporary folder, the REST
 * API on a free loopback port, the scheduler and the dispatcher), and the few calls the harness
 * makes: the admin API over HTTP, and the store opened directly to load many schedules fast.
 */
final class Service implements AutoCloseable {
  static final String ADMIN_TOKEN = "chime_admin_load_bench_" + UUID.randomUUID();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Chime chime;
  private final HttpClient api = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
      .build();
  private final URI base;
  private int wakes;

  private Service(Chime chime) {
    this.chime = chime;
    this.base = URI.create("http://127.0.0.1:" + chime.port());
  }

  /** Starts Chime on {@code dataDirectory} with the given limits on callbacks in flight. */
  static Service start(Path dataDirectory, InstantSource clock, int maxInFlight,
      int maxInFlightPerNamespace) throws IOException {
    ServeConfig config = new ServeConfig(0, dataDirectory, null, false, ADMIN_TOKEN,
        Duration.ofDays(30), maxInFlight, maxInFlightPerNamespace, List.of(),
        Duration.ofSeconds(60));
    PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
    return new Service(Chime.start(config, clock, quiet));
  }

  /** Opens the store of {@code dataDirectory} directly (the schema is migrated if needed). */
  static Store openStore(Path dataDirectory, InstantSource clock) {
    return JdbcStores.embedded(dataDirectory, StoreConfig.defaults(clock));
  }

  /** A namespace whose callbacks go to {@code baseUrl}, created in the store. */
  static void createNamespace(Store store, String name, URI baseUrl) {
    store.namespaces().create(new Namespace(name, baseUrl, Namespace.Environment.PRODUCTION,
        Map.of()), "chsec_load_bench_" + name, HexFormat.of().formatHex(
        UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** A schedule created in the store with its next fire, as the API would compute it. */
  static Schedule createSchedule(Store store, String namespace, String name, String cron,
      ZoneId zone, Instant now) {
    Schedule schedule = new Schedule(namespace, name, TimingRule.cron(cron),
        "/internal/cron/" + name, zone, Delivery.DEFAULTS, "", false);
    Instant next = ScheduleService.nextFires(schedule, now, 1).getFirst().instant();
    store.schedules().create(schedule, next);
    return schedule;
  }

  /** The posix cron that fires at {@code instant} (a whole minute) once a year, in UTC. */
  static String cronAt(Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    if (t.getSecond() != 0 || t.getNano() != 0) {
      throw new IllegalArgumentException(instant + " is not a whole minute");
    }
    return t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " " + t.getMonthValue()
        + " *";
  }

  /** Creates a schedule through the API ({@code POST /v1/namespaces/{ns}/schedules}). */
  void postSchedule(String namespace, String name, String cron) {
    String body = "{\"name\":\"" + name + "\",\"cron\":\"" + cron
        + "\",\"endpoint\":\"/internal/cron/" + name + "\"}";
    HttpResponse<String> response = call("POST", "/v1/namespaces/" + namespace + "/schedules",
        body);
    if (response.statusCode() != 201) {
      throw new IllegalStateException("creating " + namespace + "/" + name + " answered "
          + response.statusCode() + ": " + response.body());
    }
  }

  /**
   * Wakes the scheduler the way any change does (SPEC §4: changes apply at once), by creating a
   * schedule that fires once a year. The harness calls it after moving the clock forward.
   */
  void wake(String namespace) {
    postSchedule(namespace, "wake-" + (++wakes), "0 0 1 1 *");
  }

  /** A run's status ({@code GET /v1/runs/{id}}). */
  String runStatus(String runId) {
    return read(call("GET", "/v1/runs/" + runId, null)).path("status").asText();
  }

  /** Whether the namespace has a run pending or running. */
  boolean busy(String namespace) {
    for (String status : List.of("pending", "running")) {
      JsonNode page = read(call("GET", "/v1/namespaces/" + namespace + "/runs?status=" + status
          + "&limit=1", null));
      if (!page.path("runs").isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Waits until no namespace of {@code namespaces} has a run pending or running. */
  void awaitIdle(List<String> namespaces, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (namespaces.stream().anyMatch(this::busy)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("runs still pending or running after " + timeout);
      }
      Thread.sleep(20);
    }
  }

  private HttpResponse<String> call(String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + ADMIN_TOKEN)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return api.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the API answered " + response.statusCode() + ": "
          + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    chime.close();
  }
}

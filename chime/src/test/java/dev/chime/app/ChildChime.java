package dev.chime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code chime serve} in a child JVM on a data folder, as an operator runs it: the current JDK
 * and the test class path, {@code --port 0}, the admin token in the environment. Its standard
 * output and error go to a log file, from which the port is read and which failures quote.
 */
final class ChildChime implements AutoCloseable {
  static final String ADMIN = "admin-token-for-the-process-tests";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final Pattern LISTENING =
      Pattern.compile("Chime is listening on http://127\\.0\\.0\\.1:(\\d+)");

  /** An API answer, its body as text. */
  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private final Process process;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private int port;

  private ChildChime(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code chime serve} on {@code data} and returns once it says where it listens.
   *
   * @param name names the log file beside the data folder
   */
  static ChildChime start(Path data, Duration lease, String name) throws IOException {
    return start(data, lease, name, List.of());
  }

  /** As {@link #start(Path, Duration, String)}, with more options for {@code chime serve}. */
  static ChildChime start(Path data, Duration lease, String name, List<String> options)
      throws IOException {
    Path log = data.resolveSibling(data.getFileName() + "-" + name + ".log");
    List<String> program = new ArrayList<>(List.of("dev.chime.cli.Main", "serve", "--port", "0",
        "--data", data.toString(), "--lease-seconds", Long.toString(lease.toSeconds())));
    program.addAll(options);
    return spawn(log, program).listening();
  }

  /**
   * Starts a replica on the shared database of {@code databaseUrl} ({@link ReplicaMain}: {@code
   * chime serve} on a clock the test shapes) and returns once it says where it listens.
   *
   * @param folder where its data folder and log go, both named after it
   * @param clockOptions {@link ReplicaMain}'s options: the simulated time, a skew
   * @param serveOptions more options of {@code chime serve}
   */
  static ChildChime replica(Path folder, String name, String databaseUrl,
      List<String> clockOptions, List<String> serveOptions) throws IOException {
    return spawnReplica(folder, name, databaseUrl, clockOptions, serveOptions).listening();
  }

  /** {@link #replica}, without waiting until it listens: start several, then {@link #listening}. */
  static ChildChime spawnReplica(Path folder, String name, String databaseUrl,
      List<String> clockOptions, List<String> serveOptions) throws IOException {
    List<String> program = new ArrayList<>();
    program.add(ReplicaMain.class.getName());
    program.addAll(clockOptions);
    program.addAll(List.of("serve", "--port", "0", "--data", folder.resolve(name).toString(),
        "--db", databaseUrl));
    program.addAll(serveOptions);
    return spawn(folder.resolve(name + ".log"), program);
  }

  private static ChildChime spawn(Path log, List<String> program) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(),
        // Start quickly and stay small: two cores are shared with the test JVM.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-cp", System.getProperty("java.class.path")));
    command.addAll(program);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().remove("CHIME_DB_URL");
    builder.environment().put("CHIME_ADMIN_TOKEN", ADMIN);
    return new ChildChime(builder.start(), log);
  }

  /** Returns once the process says where it listens; kills it if it does not in time. */
  ChildChime listening() {
    try {
      port = awaitPort();
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
    return this;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs. Returns the exit status once the process is gone. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return awaitExit(Duration.ofSeconds(10))
        .orElseThrow(() -> new AssertionError("still alive 10 s after SIGKILL\n" + log()));
  }

  /** SIGTERM: the shutdown hook drains and hands back the runs in flight. */
  void terminate() {
    process.destroy();
  }

  /** The exit status once the process ended within {@code timeout}, else empty. */
  OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  /** Everything the process wrote so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  Response post(String path, String token, String body) {
    return send(request(path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Whether the API answers {@code /healthz}; false once it stopped listening. */
  boolean answers() {
    try {
      return http.send(HttpRequest.newBuilder(uri("/healthz")).timeout(Duration.ofSeconds(2))
              .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Reads {@code GET path} until its JSON satisfies {@code condition}, for at most
   * {@code timeout}: waiting for a real process, so polling is the honest way.
   */
  JsonNode awaitJson(String path, String token, Duration timeout, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      Response response = get(path, token);
      if (response.status() == 200) {
        last = response.json();
        if (condition.test(last)) {
          return last;
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new AssertionError("GET " + path + " did not become as expected within " + timeout
        + "; last answer: " + last + "\n" + log());
  }

  /** Destroys the process if it is still alive, forcibly after a few seconds. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int awaitPort() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher listening = LISTENING.matcher(log());
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError("chime serve exited with " + process.exitValue()
            + " before listening\n" + log());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    throw new AssertionError("chime serve did not listen within " + STARTUP + "\n" + log());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the API of chime serve did not answer\n" + log(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

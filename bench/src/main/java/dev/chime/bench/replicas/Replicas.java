package dev.chime.bench.replicas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replicas under measurement: {@code chime serve} in separate JVMs ({@link
 * ReplicaProcess}), on the benchmark database, each logging to a file in the work folder.
 */
final class Replicas implements AutoCloseable {
  static final String ADMIN_TOKEN = "chime_admin_replica_bench";
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Pattern LISTENING =
      Pattern.compile("Chime is listening on http://127\\.0\\.0\\.1:(\\d+)");

  /** What each replica is started with. */
  record Settings(int maxInFlight, int perNamespace, int poolSize, int batchSize,
      List<String> jvmOptions) {}

  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  /** Starts {@code count} replicas and returns once every one listens. */
  static Replicas start(int count, Path work, Path shiftFile, String databaseUrl,
      Settings settings) throws IOException, InterruptedException {
    Replicas replicas = new Replicas();
    try {
      for (int i = 0; i < count; i++) {
        replicas.spawn(i, work, shiftFile, databaseUrl, settings);
      }
      replicas.awaitListening();
    } catch (IOException | RuntimeException | InterruptedException e) {
      replicas.close();
      throw e;
    }
    return replicas;
  }

  List<Long> pids() {
    return processes.stream().map(Process::pid).toList();
  }

  /** Their API ports, for {@code /metrics}. */
  List<Integer> ports() {
    return List.copyOf(ports);
  }

  private void spawn(int index, Path work, Path shiftFile, String databaseUrl, Settings settings)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(settings.jvmOptions());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ReplicaProcess.class.getName(), "--shift-file", shiftFile.toString(),
        "serve", "--port", "0", "--data", work.resolve("replica-" + index).toString(),
        "--db", databaseUrl,
        "--max-in-flight", Integer.toString(settings.maxInFlight()),
        "--max-in-flight-per-namespace", Integer.toString(settings.perNamespace()),
        "--pool-size", Integer.toString(settings.poolSize()),
        "--batch-size", Integer.toString(settings.batchSize())));
    Path log = work.resolve("replica-" + index + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("CHIME_ADMIN_TOKEN", ADMIN_TOKEN);
    builder.environment().remove("CHIME_DB_URL");
    processes.add(builder.start());
    logs.add(log);
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    for (int i = 0; i < processes.size(); i++) {
      Matcher listening;
      while (!(listening = LISTENING.matcher(Files.readString(logs.get(i),
          StandardCharsets.UTF_8))).find()) {
        if (!processes.get(i).isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("replica " + i + " did not start; its log:\n"
              + Files.readString(logs.get(i), StandardCharsets.UTF_8));
        }
        Thread.sleep(20);
      }
      ports.add(Integer.parseInt(listening.group(1)));
    }
  }

  /** SIGTERM, as an operator stops a replica; SIGKILL after 20 seconds. */
  @Override
  public void close() {
    processes.forEach(Process::destroy);
    try {
      for (Process p : processes) {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      processes.forEach(Process::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }
}

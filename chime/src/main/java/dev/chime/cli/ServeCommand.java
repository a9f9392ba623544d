package dev.chime.cli;

import dev.chime.app.Chime;
import dev.chime.app.ServeClock;
import dev.chime.app.ServeConfig;
import dev.chime.logging.LogFormat;
import dev.chime.logging.Logging;
import dev.chime.schedule.Endpoints;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chime serve}: the service, until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run Chime: the API, the scheduler and delivery, on an embedded database"
        + " (default) or PostgreSQL.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: 8080).")
  int port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./chime-data",
      description = "Folder of the embedded database (default: ./chime-data).")
  Path data;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description = "A PostgreSQL JDBC URL instead of the embedded database (or CHIME_DB_URL).")
  String database;

  @Option(names = "--demo", description = "Create the demo namespace and its built-in receiver.")
  boolean demo;

  @Option(
      names = "--retention-days",
      defaultValue = "30",
      description = "Keep finished runs this many days (default: 30).")
  int retentionDays;

  @Option(
      names = "--max-in-flight",
      defaultValue = "64",
      description = "Callbacks in flight at once, in all (default: 64).")
  int maxInFlight;

  @Option(
      names = "--max-in-flight-per-namespace",
      defaultValue = "16",
      description = "Callbacks in flight at once per namespace (default: 16).")
  int maxInFlightPerNamespace;

  @Option(
      names = "--allow-address",
      paramLabel = "ADDRESS",
      description = "An address, range or host name callbacks may reach although it is"
          + " link-local or a cloud metadata service. Repeatable.")
  List<String> allowedAddresses = new ArrayList<>();

  @Option(
      names = "--lease-seconds",
      defaultValue = "60",
      description = "How long an attempt of a dead process is held before another resumes it;"
          + " renewed every third of it while the attempt runs (default: 60, or"
          + " CHIME_LEASE_SECONDS).")
  int leaseSeconds;

  @Option(
      names = "--pool-size",
      defaultValue = "" + ServeConfig.DEFAULT_POOL_SIZE,
      description = "Connections to the database (default: 10, or CHIME_POOL_SIZE).")
  int poolSize;

  @Option(
      names = "--batch-size",
      defaultValue = "" + ServeConfig.DEFAULT_BATCH_SIZE,
      description = "Due fires, or runs to attempt, claimed per transaction (default: 200, or"
          + " CHIME_BATCH_SIZE).")
  int batchSize;

  @Option(
      names = "--poll-seconds",
      defaultValue = "10",
      description = "How often the scheduler checks for due work when nothing woke it: a"
          + " safety net under change notifications (default: 10, or CHIME_POLL_SECONDS).")
  int pollSeconds;

  /** Options that may also come from the environment, when not given on the command line. */
  static final Map<String, String> FROM_ENVIRONMENT = Map.of(
      "--lease-seconds", "CHIME_LEASE_SECONDS",
      "--pool-size", "CHIME_POOL_SIZE",
      "--batch-size", "CHIME_BATCH_SIZE",
      "--poll-seconds", "CHIME_POLL_SECONDS");

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description = "Where people reach this Chime (its dashboard), for the links in alerts;"
          + " e.g. https://chime.example.com.")
  String publicUrl;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = LogFormatConverter.class,
      description = "text (default), or json: one JSON object per line on standard error.")
  LogFormat logFormat;

  @Spec CommandSpec spec;

  private final ServeClock clock;
  private final Map<String, String> environment;

  ServeCommand(ServeClock clock, Map<String, String> environment) {
    this.clock = clock;
    this.environment = environment;
  }

  /** Reads {@link #FROM_ENVIRONMENT} from the environment the command was given. */
  IDefaultValueProvider environmentDefaults() {
    return argument -> argument instanceof OptionSpec option
        ? environment.get(FROM_ENVIRONMENT.getOrDefault(option.longestName(), ""))
        : null;
  }

  @Override
  public Integer call() throws Exception {
    if (retentionDays < 1 || leaseSeconds < 3 || maxInFlight < 1 || maxInFlightPerNamespace < 1) {
      throw new IllegalArgumentException("--retention-days, --max-in-flight and"
          + " --max-in-flight-per-namespace must be at least 1, --lease-seconds at least 3");
    }
    if (poolSize < 2 || poolSize > 100 || batchSize < 1 || batchSize > 1000 || pollSeconds < 1
        || pollSeconds > 3600) {
      throw new IllegalArgumentException("--pool-size must be 2 to 100, --batch-size 1 to 1000"
          + " and --poll-seconds 1 to 3600 (was " + poolSize + ", " + batchSize + " and "
          + pollSeconds + ")");
    }
    Logging.use(logFormat);
    String db = database != null ? database : environment.get("CHIME_DB_URL");
    URI dashboard = publicUrl == null ? null : Endpoints.checkBaseUrl("--public-url", publicUrl);
    ServeConfig config = new ServeConfig(port, data, db, demo, environment.get("CHIME_ADMIN_TOKEN"),
        Duration.ofDays(retentionDays), maxInFlight, maxInFlightPerNamespace, allowedAddresses,
        Duration.ofSeconds(leaseSeconds), dashboard, poolSize, batchSize,
        Duration.ofSeconds(pollSeconds));
    Chime chime = Chime.start(config, clock, spec.commandLine().getOut());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      chime.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  /** text or json, in any case; anything else is a usage error naming both. */
  static final class LogFormatConverter implements ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      for (LogFormat format : LogFormat.values()) {
        if (format.id().equalsIgnoreCase(value)) {
          return format;
        }
      }
      throw new TypeConversionException("must be text or json, was '" + value + "'");
    }
  }
}

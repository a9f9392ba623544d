package dev.chime.app;

import dev.chime.alert.AlertConfig;
import dev.chime.alert.Alerts;
import dev.chime.api.ApiConfig;
import dev.chime.api.ApiServer;
import dev.chime.delivery.AddressPolicy;
import dev.chime.delivery.Backoff;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs;
import dev.chime.logging.RunOutcomeLog;
import dev.chime.metrics.Metrics;
import dev.chime.scheduler.Scheduler;
import dev.chime.scheduler.SchedulerConfig;
import dev.chime.store.Store;
import dev.chime.store.StoreException;
import dev.chime.store.jdbc.ChangeListener;
import dev.chime.store.jdbc.DatabaseClock;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The composition root of {@code chime serve}: the only place that names concrete classes. Builds
 * store → delivery → scheduler → API, with metrics, the run log and alerts watching the
 * scheduler, and closes them in the reverse order so that a shutdown finishes or hands back the
 * runs in flight (and alerts about the last of them).
 */
public final class Chime implements AutoCloseable {
  private final Store store;
  private final Dispatcher dispatcher;
  private final Scheduler scheduler;
  private final Alerts alerts;
  private final ChangeListener changes;
  private final ApiServer api;
  private final Retention retention;
  private final DemoReceiver demo;

  private Chime(Store store, Dispatcher dispatcher, Scheduler scheduler, Alerts alerts,
      ChangeListener changes, ApiServer api, Retention retention, DemoReceiver demo) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.scheduler = scheduler;
    this.alerts = alerts;
    this.changes = changes;
    this.api = api;
    this.retention = retention;
    this.demo = demo;
  }

  /** Starts everything on {@code clock} as it is (the embedded database, tests). */
  public static Chime start(ServeConfig config, InstantSource clock, PrintWriter out)
      throws IOException {
    return start(config, ServeClock.of(clock), out);
  }

  /**
   * Starts everything and says where, printing a generated admin token once. On a shared
   * PostgreSQL the clock is corrected by the database's offset before anything reads it, and
   * the scheduler follows the other replicas' changes.
   */
  public static Chime start(ServeConfig config, ServeClock clocks, PrintWriter out)
      throws IOException {
    AdminToken.Loaded admin =
        AdminToken.load(Optional.ofNullable(config.adminToken()), config.dataDirectory());
    boolean shared = config.databaseUrl() != null && JdbcStores.shared(config.databaseUrl());
    DatabaseClock databaseClock = shared ? new DatabaseClock(clocks.local()) : null;
    InstantSource clock = clocks.view().apply(shared ? databaseClock : clocks.local());
    Metrics metrics = new Metrics();
    Store store = metrics.timed(openStore(config, clock));
    LiveLogs logs = new LiveLogs(clock);
    DeliveryConfig delivery = deliveryConfig(config);
    Dispatcher dispatcher = new Dispatcher(delivery, clock, logs);
    SchedulerConfig defaults = SchedulerConfig.defaults(owner());
    SchedulerConfig schedulerConfig = new SchedulerConfig(defaults.owner(), defaults.grace(),
        config.batchSize(), config.lease(), config.poll());
    Scheduler scheduler = new Scheduler(store, dispatcher, new Backoff(new SplittableRandom()),
        clock, schedulerConfig, new RunIds(clock, new SplittableRandom()));
    Alerts alerts = new Alerts(store, clock,
        AlertConfig.defaults(config.publicUrl(), delivery.addresses()), metrics::alert);
    scheduler.events().add(metrics.runs());
    scheduler.events().add(new RunOutcomeLog(store.runs()::attempts));
    scheduler.events().add(alerts);
    metrics.watch(dispatcher::inFlight, scheduler::alive, store.schedules());
    ChangeListener changes = null;
    ApiServer api;
    try {
      if (shared) {
        changes = JdbcStores.listen(config.databaseUrl(), databaseClock, scheduler::wake);
      }
      api = startApi(config, admin, store, scheduler, logs, clock, delivery, metrics);
    } catch (StartupFailure | StoreException e) {
      if (changes != null) {
        changes.close();
      }
      dispatcher.close();
      store.close();
      throw e instanceof StartupFailure f ? f : new StartupFailure(e.getMessage(), e);
    }
    DemoReceiver demo = null;
    if (config.demo()) {
      demo = new DemoReceiver(clock);
      Demo.install(store, scheduler.schedules(), demo);
    }
    Retention retention = new Retention(store.runs(), config.retention(), clock);
    alerts.start();
    scheduler.start();
    announce(config, api.port(), admin, out);
    if (shared) {
      out.println("  Replica " + schedulerConfig.owner() + " on a shared database; clock offset"
          + " to the database: " + String.format(Locale.ROOT, "%.1f ms",
          databaseClock.offset().toNanos() / 1e6));
      out.flush();
    }
    return new Chime(store, dispatcher, scheduler, alerts, changes, api, retention, demo);
  }

  private static ApiServer startApi(ServeConfig config, AdminToken.Loaded admin, Store store,
      Scheduler scheduler, LiveLogs logs, InstantSource clock, DeliveryConfig delivery,
      Metrics metrics) {
    try {
      return ApiServer.start(ApiConfig.of(config.port(), admin.hash()),
          new ApiServer.Dependencies(store, scheduler.schedules(), logs, clock, scheduler::alive,
              delivery.addresses(), metrics::scrape));
    } catch (RuntimeException e) {
      throw new StartupFailure("cannot listen on port " + config.port()
          + " (is it in use?); choose another with --port", e);
    }
  }

  private static Store openStore(ServeConfig config, InstantSource clock) {
    try {
      StoreConfig store = new StoreConfig(clock, config.poolSize(),
          StoreConfig.defaults(clock).connectionTimeout());
      return config.databaseUrl() == null
          ? JdbcStores.embedded(config.dataDirectory(), store)
          : JdbcStores.open(config.databaseUrl(), store);
    } catch (StoreException e) {
      throw new StartupFailure(e.getMessage(), e);
    }
  }

  public int port() {
    return api.port();
  }

  /** Stops taking requests, lets runs in flight finish or hands them back, then closes the store. */
  @Override
  public void close() {
    api.close();
    scheduler.close();
    if (changes != null) {
      changes.close();
    }
    alerts.close();
    dispatcher.close();
    retention.close();
    if (demo != null) {
      demo.close();
    }
    store.close();
  }

  private static DeliveryConfig deliveryConfig(ServeConfig config) {
    AddressPolicy addresses = config.allowedAddresses().isEmpty()
        ? AddressPolicy.standard()
        : AddressPolicy.allowing(config.allowedAddresses());
    return new DeliveryConfig(config.maxInFlight(), config.maxInFlightPerNamespace(), addresses);
  }

  /** This process's name on its leases: host and process id. */
  private static String owner() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return host + "/" + ProcessHandle.current().pid();
  }

  private static void announce(
      ServeConfig config, int port, AdminToken.Loaded admin, PrintWriter out) {
    String where = config.databaseUrl() == null
        ? "embedded database in " + config.dataDirectory().toAbsolutePath().normalize()
        : "database " + config.databaseUrl().replaceAll("password=[^&;]*", "password=***");
    out.println("Chime is listening on http://127.0.0.1:" + port + " (" + where + ")");
    out.println("  Dashboard: http://127.0.0.1:" + port + "/  (sign in with a token)");
    out.println("  API: http://127.0.0.1:" + port + "/v1  OpenAPI: http://127.0.0.1:" + port
        + "/v1/openapi.json  Metrics: http://127.0.0.1:" + port + "/metrics");
    admin.generated().ifPresent(token -> {
      out.println("  Admin token (shown once; only its hash is kept in "
          + config.dataDirectory().resolve(AdminToken.FILE) + "):");
      out.println("    " + token);
    });
    if (config.demo()) {
      out.println("  Demo: namespace \"demo\" calls a built-in receiver; runs appear within a"
          + " minute: curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:" + port
          + "/v1/namespaces/demo/runs");
    }
    out.flush();
  }
}

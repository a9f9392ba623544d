package dev.chime.app;

import dev.chime.api.ApiConfig;
import dev.chime.api.ApiServer;
import dev.chime.delivery.AddressPolicy;
import dev.chime.delivery.Backoff;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs;
import dev.chime.scheduler.Scheduler;
import dev.chime.scheduler.SchedulerConfig;
import dev.chime.store.Store;
import dev.chime.store.StoreException;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The composition root of {@code chime serve}: the only place that names concrete classes. Builds
 * store → delivery → scheduler → API, and closes them in the reverse order so that a shutdown
 * finishes or hands back the runs in flight.
 */
public final class Chime implements AutoCloseable {
  private final Store store;
  private final Dispatcher dispatcher;
  private final Scheduler scheduler;
  private final ApiServer api;
  private final Retention retention;
  private final DemoReceiver demo;

  private Chime(Store store, Dispatcher dispatcher, Scheduler scheduler, ApiServer api,
      Retention retention, DemoReceiver demo) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.scheduler = scheduler;
    this.api = api;
    this.retention = retention;
    this.demo = demo;
  }

  /** Starts everything and says where, printing a generated admin token once. */
  public static Chime start(ServeConfig config, InstantSource clock, PrintWriter out)
      throws IOException {
    AdminToken.Loaded admin =
        AdminToken.load(Optional.ofNullable(config.adminToken()), config.dataDirectory());
    Store store = openStore(config, clock);
    LiveLogs logs = new LiveLogs(clock);
    Dispatcher dispatcher = new Dispatcher(deliveryConfig(config), clock, logs);
    SchedulerConfig schedulerConfig = SchedulerConfig.defaults(owner());
    schedulerConfig = new SchedulerConfig(schedulerConfig.owner(), schedulerConfig.grace(),
        schedulerConfig.batchSize(), config.lease(),
        min(schedulerConfig.longestSleep(), config.lease().dividedBy(3)),
        schedulerConfig.lookahead());
    Scheduler scheduler = new Scheduler(store, dispatcher, new Backoff(new SplittableRandom()),
        clock, schedulerConfig, new RunIds(clock, new SplittableRandom()));
    ApiServer api;
    try {
      api = ApiServer.start(ApiConfig.of(config.port(), admin.hash()),
          new ApiServer.Dependencies(store, scheduler.schedules(), logs, clock, scheduler::alive));
    } catch (RuntimeException e) {
      dispatcher.close();
      store.close();
      throw new StartupFailure("cannot listen on port " + config.port()
          + " (is it in use?); choose another with --port", e);
    }
    DemoReceiver demo = null;
    if (config.demo()) {
      demo = new DemoReceiver(clock);
      Demo.install(store, scheduler.schedules(), demo);
    }
    Retention retention = new Retention(store.runs(), config.retention(), clock);
    scheduler.start();
    announce(config, api.port(), admin, out);
    return new Chime(store, dispatcher, scheduler, api, retention, demo);
  }

  private static Store openStore(ServeConfig config, InstantSource clock) {
    try {
      return config.databaseUrl() == null
          ? JdbcStores.embedded(config.dataDirectory(), StoreConfig.defaults(clock))
          : JdbcStores.open(config.databaseUrl(), StoreConfig.defaults(clock));
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

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void announce(
      ServeConfig config, int port, AdminToken.Loaded admin, PrintWriter out) {
    String where = config.databaseUrl() == null
        ? "embedded database in " + config.dataDirectory().toAbsolutePath().normalize()
        : "database " + config.databaseUrl().replaceAll("password=[^&;]*", "password=***");
    out.println("Chime is listening on http://127.0.0.1:" + port + " (" + where + ")");
    out.println("  API: http://127.0.0.1:" + port + "/v1  OpenAPI: http://127.0.0.1:" + port
        + "/v1/openapi.json");
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

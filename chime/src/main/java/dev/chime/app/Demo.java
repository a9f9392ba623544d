package dev.chime.app;

import dev.chime.schedule.Namespace;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.Store;
import java.net.URI;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The {@code demo} namespace of {@code chime serve --demo}: pointed at the built-in receiver, with
 * a few schedules, so that a newcomer sees runs within a minute — a success every minute, a
 * retry, a streamed log and a spread nightly job.
 */
final class Demo {
  static final String NAMESPACE = "demo";

  private Demo() {}

  static void install(Store store, ScheduleService schedules, DemoReceiver receiver) {
    URI baseUrl = URI.create(receiver.baseUrl());
    if (store.namespaces().find(NAMESPACE).isEmpty()) {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      byte[] token = new byte[32];
      new SecureRandom().nextBytes(token);
      store.namespaces().create(
          new Namespace(NAMESPACE, baseUrl, Namespace.Environment.SANDBOX, Map.of()),
          "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
          AdminToken.sha256(Base64.getUrlEncoder().encodeToString(token)));
    } else {
      store.namespaces().updateBaseUrl(NAMESPACE, baseUrl);
    }
    receiver.trust(store.namespaces().signingSecret(NAMESPACE).orElseThrow());
    for (Schedule schedule : schedules()) {
      schedules.put(schedule);
    }
  }

  private static List<Schedule> schedules() {
    return List.of(
        schedule("heartbeat", TimingRule.cron("* * * * *"), "/ok", "UTC",
            "Succeeds every minute"),
        schedule("flaky-sync", TimingRule.cron("*/2 * * * *"), "/flaky", "UTC",
            "Answers 503 with Retry-After first, then succeeds on the retry"),
        schedule("progress-report", TimingRule.cron("*/5 * * * *"), "/report", "UTC",
            "Streams its progress for a few seconds; watch GET /v1/runs/{id}/log"),
        schedule("nightly-cleanup", TimingRule.cron("H 2 * * *"), "/ok", "America/Denver",
            "Once a night at a minute between 02:00 and 02:59 chosen by H"),
        schedule("every-ten-minutes", TimingRule.every("10m"), "/ok", "UTC",
            "An interval, counted from midnight UTC"));
  }

  private static Schedule schedule(
      String name, TimingRule timing, String endpoint, String zone, String description) {
    return new Schedule(NAMESPACE, name, timing, endpoint, ZoneId.of(zone), null, description,
        false);
  }
}

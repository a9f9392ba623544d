package dev.chime.schedule;

import dev.chime.cron.DstGap;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a schedule's runs are delivered (SPEC §3). Defaults: 30 s per attempt, {@link
 * RetryPolicy#DEFAULT}, overlapping runs allowed, catch up with the latest missed fire, no
 * starting deadline, no payload, no chain, success on a 2xx response, and fixed times moved past
 * a DST gap.
 *
 * @param timeout per attempt
 * @param startingDeadline a fire older than this when it could be sent is recorded missed; null
 *     for none
 * @param payload JSON sent as the body's {@code payload}, as text; null for none
 * @param chain schedules of the same namespace run after a run of this one succeeds
 * @param completionDeadline for {@code completion: callback}: how long a 202 may stay running
 */
public record Delivery(
    Duration timeout,
    RetryPolicy retry,
    Concurrency concurrency,
    Catchup catchup,
    Duration startingDeadline,
    String payload,
    List<String> chain,
    Completion completion,
    Duration completionDeadline,
    DstGap dstGap) {

  // Declared before DEFAULTS: static fields initialise in order, and DEFAULTS' checks read them.
  static final Duration SHORTEST_TIMEOUT = Duration.ofSeconds(1);
  static final Duration LONGEST_TIMEOUT = Duration.ofHours(1);
  static final int MAX_CHAIN = 10;
  static final int MAX_PAYLOAD_CHARS = 64 * 1024;

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final Delivery DEFAULTS =
      new Delivery(
          DEFAULT_TIMEOUT,
          RetryPolicy.DEFAULT,
          Concurrency.ALLOW,
          Catchup.LATEST,
          null,
          null,
          List.of(),
          Completion.RESPONSE,
          DEFAULT_TIMEOUT.multipliedBy(10),
          DstGap.SHIFT);

  /** Whether a run may start while the previous one is in flight. */
  public enum Concurrency {
    ALLOW,
    /** A fire while the previous run is in flight is recorded skipped, reason overlap. */
    FORBID;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What happens to fires missed while Chime was down (SPEC §4). */
  public enum Catchup {
    /** Run the most recent missed fire once. */
    LATEST,
    /** Record them missed and wait for the next. */
    SKIP,
    /** Run each, oldest first, at most 100. */
    ALL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** When a run is over (SPEC §3.1). */
  public enum Completion {
    /** When the response arrives. */
    RESPONSE,
    /** A 202 leaves the run running until {@code POST /v1/runs/{id}/complete}. */
    CALLBACK;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Delivery {
    chain = chain == null ? List.of() : List.copyOf(chain);
    Checks checks = new Checks();
    checks.duration("timeoutMs", timeout, SHORTEST_TIMEOUT, LONGEST_TIMEOUT);
    checks.required("retry", retry);
    checks.required("concurrency", concurrency);
    checks.required("catchup", catchup);
    checks.required("completion", completion);
    checks.required("dstGap", dstGap);
    if (startingDeadline != null) {
      checks.duration("startingDeadlineMs", startingDeadline, Duration.ofSeconds(1),
          Duration.ofDays(7));
    }
    if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
      checks.add("payload", "is larger than " + MAX_PAYLOAD_CHARS + " characters");
    }
    if (chain.size() > MAX_CHAIN) {
      checks.add("chain", "names more than " + MAX_CHAIN + " schedules");
    }
    for (int i = 0; i < chain.size(); i++) {
      String field = "chain[" + i + "]";
      String name = chain.get(i);
      checks.run(() -> Names.check(field, name));
    }
    checks.duration("completionDeadlineMs", completionDeadline, SHORTEST_TIMEOUT,
        Duration.ofDays(1));
    checks.throwIfAny();
  }
}

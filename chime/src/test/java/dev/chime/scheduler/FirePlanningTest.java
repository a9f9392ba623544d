package dev.chime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.cron.DstGap;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.schedule.Trigger;
import dev.chime.store.FirePlanner.Plan;
import dev.chime.store.NewRun;
import dev.chime.store.StoredSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What due fires become: on time, caught up after an outage, skipped or missed (SPEC §4). */
class FirePlanningTest {
  private final AtomicInteger ids = new AtomicInteger();
  private final FirePlanning planning =
      new FirePlanning(Duration.ofSeconds(60), () -> "run-" + ids.incrementAndGet());

  private static Schedule schedule(String cron, Delivery delivery) {
    return new Schedule("billing", "sync", TimingRule.cron(cron), "/internal/cron/sync",
        ZoneId.of("UTC"), delivery, "", false);
  }

  private static Delivery delivery(Delivery.Catchup catchup, Delivery.Concurrency concurrency,
      Duration startingDeadline, DstGap gap) {
    Delivery d = Delivery.DEFAULTS;
    return new Delivery(d.timeout(), d.retry(), concurrency, catchup, startingDeadline,
        d.payload(), d.chain(), d.completion(), d.completionDeadline(), gap);
  }

  private static Delivery catchup(Delivery.Catchup catchup) {
    return delivery(catchup, Delivery.Concurrency.ALLOW, null, DstGap.SHIFT);
  }

  private Plan plan(Schedule schedule, String nextFireAt, boolean inFlight, String now) {
    return plan(schedule, nextFireAt, inFlight, now, now);
  }

  private Plan plan(Schedule schedule, String nextFireAt, boolean inFlight, String now,
      String horizon) {
    StoredSchedule due = new StoredSchedule(schedule, Instant.parse(nextFireAt), null, null, 1,
        Instant.EPOCH, Instant.EPOCH);
    return planning.plan(due, inFlight, Instant.parse(now), Instant.parse(horizon));
  }

  private static List<String> describe(Plan plan) {
    return plan.runs().stream()
        .map(r -> r.fireAt() + " " + r.trigger().id() + " " + r.status().id())
        .toList();
  }

  @Test
  void onTimeFire_becomesOnePendingScheduleRun_andAdvances() {
    Plan plan = plan(schedule("*/15 * * * *", Delivery.DEFAULTS), "2026-01-15T07:00:00Z", false,
        "2026-01-15T07:00:00.003Z");
    assertThat(describe(plan)).containsExactly("2026-01-15T07:00:00Z schedule pending");
    assertThat(plan.nextFireAt()).isEqualTo(Instant.parse("2026-01-15T07:15:00Z"));
    NewRun run = plan.runs().get(0);
    assertThat(run.keyedByFire()).isTrue();
    assertThat(run.nextAttemptAt()).isEqualTo(Instant.parse("2026-01-15T07:00:00.003Z"));
  }

  @Test
  void aFireClaimedAheadOfItsInstant_isDueAtItsInstant_andTheNextFireComesAfterTheHorizon() {
    Plan plan = plan(schedule("* * * * *", Delivery.DEFAULTS), "2026-01-15T07:01:00Z", false,
        "2026-01-15T07:00:59.800Z", "2026-01-15T07:01:00.050Z");
    assertThat(describe(plan)).containsExactly("2026-01-15T07:01:00Z schedule pending");
    assertThat(plan.runs().get(0).nextAttemptAt()).isEqualTo(Instant.parse("2026-01-15T07:01:00Z"));
    assertThat(plan.nextFireAt()).isEqualTo(Instant.parse("2026-01-15T07:02:00Z"));
  }

  @Test
  void lateness_isMeasuredFromNow_notFromTheHorizon() {
    // 59.9 s late at now: on time (grace 60 s), although 60.1 s before the horizon.
    Plan plan = plan(schedule("0 * * * *", catchup(Delivery.Catchup.SKIP)),
        "2026-01-15T07:00:00Z", false, "2026-01-15T07:00:59.900Z", "2026-01-15T07:01:00.100Z");
    assertThat(describe(plan)).containsExactly("2026-01-15T07:00:00Z schedule pending");
  }

  @Test
  void outageOfThreeHours_latest_runsTheMostRecentMissedFireOnce() {
    Plan plan = plan(schedule("0 * * * *", catchup(Delivery.Catchup.LATEST)),
        "2026-01-15T07:00:00Z", false, "2026-01-15T10:30:00Z");
    assertThat(describe(plan)).containsExactly(
        "2026-01-15T07:00:00Z catchup missed",
        "2026-01-15T08:00:00Z catchup missed",
        "2026-01-15T09:00:00Z catchup missed",
        "2026-01-15T10:00:00Z catchup pending");
    assertThat(plan.nextFireAt()).isEqualTo(Instant.parse("2026-01-15T11:00:00Z"));
  }

  @Test
  void outageOfThreeHours_all_runsEachMissedFireOldestFirst() {
    Plan plan = plan(schedule("0 * * * *", catchup(Delivery.Catchup.ALL)),
        "2026-01-15T07:00:00Z", false, "2026-01-15T10:30:00Z");
    assertThat(describe(plan)).containsExactly(
        "2026-01-15T07:00:00Z catchup pending",
        "2026-01-15T08:00:00Z catchup pending",
        "2026-01-15T09:00:00Z catchup pending",
        "2026-01-15T10:00:00Z catchup pending");
  }

  @Test
  void outageOfThreeHours_skip_recordsThemMissed() {
    Plan plan = plan(schedule("0 * * * *", catchup(Delivery.Catchup.SKIP)),
        "2026-01-15T07:00:00Z", false, "2026-01-15T10:30:00Z");
    assertThat(describe(plan)).containsExactly(
        "2026-01-15T07:00:00Z catchup missed",
        "2026-01-15T08:00:00Z catchup missed",
        "2026-01-15T09:00:00Z catchup missed",
        "2026-01-15T10:00:00Z catchup missed");
    assertThat(plan.runs()).allSatisfy(r -> assertThat(r.reason()).contains("catchup: skip"));
  }

  @Test
  void all_isCappedAtOneHundredRuns_andAYearOfMinutesPlansQuickly() {
    Plan plan = plan(schedule("* * * * *", catchup(Delivery.Catchup.ALL)),
        "2025-01-15T00:00:00Z", false, "2026-01-15T00:00:30Z");
    long caughtUp = plan.runs().stream()
        .filter(r -> r.status() == RunStatus.PENDING && r.trigger() == Trigger.CATCHUP).count();
    assertThat(caughtUp).isEqualTo(FirePlanning.MAX_CATCHUP);
    NewRun onTime = plan.runs().get(plan.runs().size() - 1);
    assertThat(onTime.fireAt()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
    assertThat(onTime.trigger()).isEqualTo(Trigger.SCHEDULE);
    assertThat(plan.runs()).hasSizeLessThanOrEqualTo(
        FirePlanning.MAX_CATCHUP + FirePlanning.MAX_RECORDED_MISSES + 1);
  }

  @Test
  void startingDeadline_marksOlderFiresMissed() {
    Schedule s = schedule("0 * * * *", delivery(Delivery.Catchup.ALL,
        Delivery.Concurrency.ALLOW, Duration.ofMinutes(90), DstGap.SHIFT));
    Plan plan = plan(s, "2026-01-15T07:00:00Z", false, "2026-01-15T10:30:00Z");
    assertThat(describe(plan)).containsExactly(
        "2026-01-15T07:00:00Z catchup missed",
        "2026-01-15T08:00:00Z catchup missed",
        "2026-01-15T09:00:00Z catchup pending",
        "2026-01-15T10:00:00Z catchup pending");
  }

  @Test
  void forbid_skipsAFireWhileTheLastRunIsInFlight_andSaysWhy() {
    Schedule s = schedule("*/5 * * * *", delivery(Delivery.Catchup.LATEST,
        Delivery.Concurrency.FORBID, null, DstGap.SHIFT));
    Plan plan = plan(s, "2026-01-15T07:05:00Z", true, "2026-01-15T07:05:00Z");
    assertThat(describe(plan)).containsExactly("2026-01-15T07:05:00Z schedule skipped");
    assertThat(plan.runs().get(0).reason()).startsWith("overlap");
    Plan free = plan(s, "2026-01-15T07:05:00Z", false, "2026-01-15T07:05:00Z");
    assertThat(describe(free)).containsExactly("2026-01-15T07:05:00Z schedule pending");
  }

  @Test
  void dstGapSkip_recordsTheFireSkippedWithTheMissingWallTime() {
    Schedule s = new Schedule("billing", "sync", TimingRule.cron("30 2 * * *"),
        "/internal/cron/sync", ZoneId.of("America/Denver"),
        delivery(Delivery.Catchup.LATEST, Delivery.Concurrency.ALLOW, null, DstGap.SKIP), "",
        false);
    Plan plan = plan(s, "2026-03-08T09:00:00Z", false, "2026-03-08T09:00:00Z");
    assertThat(describe(plan)).containsExactly("2026-03-08T09:00:00Z schedule skipped");
    assertThat(plan.runs().get(0).reason())
        .isEqualTo("dst-gap: 2026-03-08 02:30 does not exist in America/Denver (dstGap: skip)");
    assertThat(plan.runs().get(0).trigger()).isEqualTo(Trigger.SCHEDULE);
  }
}

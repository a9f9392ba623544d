package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerFixture.options;
import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.delivery.AddressPolicy;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Run;
import dev.chime.schedule.Trigger;
import dev.chime.testing.Receiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downtime (SPEC §4): an hourly schedule whose last pass was at 06:59, and a scheduler that comes
 * back at 09:59, three hours later. The fires of 07:00, 08:00 and 09:00 were missed by more than
 * the grace period and follow the schedule's {@code catchup} and {@code startingDeadlineMs}.
 */
class SchedulerCatchupTest {
  private static final String BEFORE = "2026-03-07T06:59:00Z";
  private static final String BACK = "2026-03-07T09:59:00Z";

  @TempDir Path folder;
  private SchedulerFixture f;

  @AfterEach
  void stop() {
    f.close();
  }

  /** Runs the schedule up to the outage, then the first pass after it. */
  private void outage(Delivery delivery) {
    f.put(schedule("hourly", "0 * * * *", delivery));
    f.stepAt(BEFORE);
    f.assertNothingSent();
    f.stepAt(BACK);
  }

  private List<String> runs() {
    return f.runs("hourly").stream()
        .map(r -> r.fireAt() + " " + r.trigger().id() + " " + r.status().id())
        .toList();
  }

  /** The requests that arrived, as "fired-at trigger", in arrival order. */
  private List<String> received() throws InterruptedException {
    List<String> received = new ArrayList<>();
    for (int i = f.receiver.pending().size(); i > 0; i--) {
      Receiver.Request r = f.next();
      received.add(r.header("X-Fired-At") + " " + r.header("X-Chime-Trigger"));
    }
    return received;
  }

  @Test
  void latest_runsTheMostRecentMissedFireOnce_andRecordsTheRestMissed() throws Exception {
    f = new SchedulerFixture(folder, BEFORE);
    outage(options().catchup(Delivery.Catchup.LATEST).build());

    assertThat(runs()).containsExactly(
        "2026-03-07T07:00:00Z catchup missed",
        "2026-03-07T08:00:00Z catchup missed",
        "2026-03-07T09:00:00Z catchup succeeded");
    assertThat(f.runs("hourly").getFirst().reason())
        .isEqualTo("missed while Chime was not running (catchup: latest)");
    assertThat(received()).containsExactly("2026-03-07T09:00:00.000Z catchup");

    f.stepAt("2026-03-07T10:00:00Z"); // back to normal
    assertThat(received()).containsExactly("2026-03-07T10:00:00.000Z schedule");
  }

  @Test
  void all_runsEveryMissedFire_oldestFirst() throws Exception {
    // One request at a time per namespace, so the order of arrival is the order of dispatch.
    f = new SchedulerFixture(folder, BEFORE, new DeliveryConfig(64, 1, AddressPolicy.standard()));
    outage(options().catchup(Delivery.Catchup.ALL).build());

    assertThat(runs()).containsExactly(
        "2026-03-07T07:00:00Z catchup succeeded",
        "2026-03-07T08:00:00Z catchup succeeded",
        "2026-03-07T09:00:00Z catchup succeeded");
    assertThat(received()).containsExactly(
        "2026-03-07T07:00:00.000Z catchup",
        "2026-03-07T08:00:00.000Z catchup",
        "2026-03-07T09:00:00.000Z catchup");
    assertThat(f.runs("hourly")).extracting(Run::id).doesNotHaveDuplicates();

    f.stepAt("2026-03-07T10:00:00Z");
    assertThat(received()).containsExactly("2026-03-07T10:00:00.000Z schedule");
  }

  @Test
  void skip_recordsEveryMissedFire_andSendsNothingUntilTheNext() throws Exception {
    f = new SchedulerFixture(folder, BEFORE);
    outage(options().catchup(Delivery.Catchup.SKIP).build());

    assertThat(runs()).containsExactly(
        "2026-03-07T07:00:00Z catchup missed",
        "2026-03-07T08:00:00Z catchup missed",
        "2026-03-07T09:00:00Z catchup missed");
    assertThat(f.runs("hourly")).extracting(Run::reason).containsOnly(
        "missed while Chime was not running (catchup: skip)");
    assertThat(f.runs("hourly")).extracting(Run::attempts).containsOnly(0);
    f.assertNothingSent();

    f.stepAt("2026-03-07T10:00:00Z");
    assertThat(received()).containsExactly("2026-03-07T10:00:00.000Z schedule");
  }

  @Test
  void startingDeadline_recordsFiresOlderThanItMissed_underCatchupAll() throws Exception {
    f = new SchedulerFixture(folder, BEFORE);
    outage(options().catchup(Delivery.Catchup.ALL).startingDeadline(Duration.ofMinutes(90))
        .build());

    // At 09:59, 07:00 is 179 minutes old and 08:00 119: past the 90-minute deadline.
    assertThat(runs()).containsExactly(
        "2026-03-07T07:00:00Z catchup missed",
        "2026-03-07T08:00:00Z catchup missed",
        "2026-03-07T09:00:00Z catchup succeeded");
    assertThat(f.runs("hourly").getFirst().reason())
        .isEqualTo("older than startingDeadlineMs (5400000) when it could start");
    assertThat(received()).containsExactly("2026-03-07T09:00:00.000Z catchup");
  }

  @Test
  void startingDeadline_shorterThanTheOutage_leavesNothingToRun_underCatchupLatest()
      throws Exception {
    f = new SchedulerFixture(folder, BEFORE);
    outage(options().catchup(Delivery.Catchup.LATEST).startingDeadline(Duration.ofMinutes(30))
        .build());

    assertThat(runs()).containsExactly(
        "2026-03-07T07:00:00Z catchup missed",
        "2026-03-07T08:00:00Z catchup missed",
        "2026-03-07T09:00:00Z catchup missed");
    assertThat(f.runs("hourly").getLast().reason())
        .isEqualTo("older than startingDeadlineMs (1800000) when it could start");
    f.assertNothingSent();

    f.stepAt("2026-03-07T10:00:00Z");
    assertThat(received()).containsExactly("2026-03-07T10:00:00.000Z schedule");
  }

  @Test
  void aFireWithinTheGracePeriod_isOnTime_notCaughtUp() throws Exception {
    f = new SchedulerFixture(folder, BEFORE);
    f.put(schedule("hourly", "0 * * * *", options().catchup(Delivery.Catchup.SKIP).build()));
    f.stepAt("2026-03-07T07:00:59Z"); // 59 s late, within the 60 s grace

    assertThat(runs()).containsExactly("2026-03-07T07:00:00Z schedule succeeded");
    assertThat(received()).containsExactly("2026-03-07T07:00:00.000Z schedule");
    assertThat(f.onlyRun("hourly").trigger()).isEqualTo(Trigger.SCHEDULE);
  }
}

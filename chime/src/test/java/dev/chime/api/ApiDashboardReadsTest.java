package dev.chime.api;

import static dev.chime.api.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.api.ApiFixture.Tenant;
import dev.chime.schedule.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reads the dashboard's pages are made of: the latest runs of every schedule, a schedule's
 * fires over the coming days, and a run's lateness.
 */
class ApiDashboardReadsTest {
  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void recentRuns_listEachScheduleWithItsLatestRuns_newestFirst() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "export", "0 * * * *");
    api.createSchedule(billing, "sync", "0 2 * * *");
    api.createSchedule(billing, "idle", "0 3 * * *");
    List<String> sync = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sync.add(trigger(billing, "sync"));
      api.attempt(i == 1 ? 500 : 200, "", i == 1 ? RunStatus.FAILED : RunStatus.SUCCEEDED);
      api.clock.advance(Duration.ofMinutes(1));
    }
    String export = trigger(billing, "export");

    JsonNode recent = api.get("/v1/namespaces/billing/runs/recent?perSchedule=2",
        billing.token()).json().get("schedules");

    assertThat(recent).extracting(s -> s.get("schedule").asText())
        .containsExactly("export", "idle", "sync");
    assertThat(recent.get(0).get("runs")).extracting(r -> r.get("id").asText())
        .containsExactly(export);
    assertThat(recent.get(0).get("runs").get(0).get("status").asText()).isEqualTo("pending");
    assertThat(recent.get(1).get("runs")).isEmpty();
    assertThat(recent.get(2).get("runs")).extracting(r -> r.get("id").asText() + " "
        + r.get("status").asText()).containsExactly(sync.get(2) + " succeeded",
            sync.get(1) + " failed");
  }

  @Test
  void recentRuns_badOrUnreachable_areProblems() {
    Tenant billing = api.createNamespace("billing");
    Tenant audit = api.createNamespace("audit");

    assertProblem(api.get("/v1/namespaces/billing/runs/recent?perSchedule=0", billing.token()),
        422, "perSchedule");
    assertProblem(api.get("/v1/namespaces/billing/runs/recent?perSchedule=ten",
        billing.token()), 400, "perSchedule");
    assertProblem(api.get("/v1/namespaces/billing/runs/recent", audit.token()), 404, null);
  }

  @Test
  void fires_listTheComingDays_localAndUtc_withTheDaylightSavingShiftMarked() {
    Tenant billing = api.createNamespace("billing");
    api.post("/v1/namespaces/billing/schedules", billing.token(), """
        {"name": "nightly", "cron": "30 2 * * *", "timezone": "America/Denver",
         "endpoint": "/internal/cron/nightly"}""");

    JsonNode week = api.get("/v1/namespaces/billing/schedules/nightly/fires", billing.token())
        .json();

    assertThat(week.get("from").asText()).isEqualTo("2026-03-07T12:00:00Z");
    assertThat(week.get("until").asText()).isEqualTo("2026-03-14T12:00:00Z");
    assertThat(week.get("timezone").asText()).isEqualTo("America/Denver");
    assertThat(week.get("total").asInt()).isEqualTo(7);
    assertThat(week.get("truncated").asBoolean()).isFalse();
    assertThat(week.get("fires")).extracting(f -> f.get("local").asText()).containsExactly(
        "2026-03-08T03:00:00-06:00", "2026-03-09T02:30:00-06:00", "2026-03-10T02:30:00-06:00",
        "2026-03-11T02:30:00-06:00", "2026-03-12T02:30:00-06:00", "2026-03-13T02:30:00-06:00",
        "2026-03-14T02:30:00-06:00");
    assertThat(week.get("fires").get(0).get("dst").asText()).isEqualTo("shifted");
    assertThat(week.get("fires").get(0).get("utc").asText()).isEqualTo("2026-03-08T09:00:00Z");
    // Every date of the window in Denver, today's without a fire (02:30 passed at 09:30 UTC).
    assertThat(week.get("days")).extracting(d -> d.get("date").asText() + " "
        + d.get("fires").asInt()).containsExactly("2026-03-07 0", "2026-03-08 1", "2026-03-09 1",
            "2026-03-10 1", "2026-03-11 1", "2026-03-12 1", "2026-03-13 1", "2026-03-14 1");

    JsonNode two = api.get("/v1/namespaces/billing/schedules/nightly/fires?days=3&limit=2",
        billing.token()).json();
    assertThat(two.get("total").asInt()).isEqualTo(3);
    assertThat(two.get("truncated").asBoolean()).isTrue();
    assertThat(two.get("fires")).hasSize(2);
    assertThat(two.get("days")).extracting(d -> d.get("fires").asInt())
        .containsExactly(0, 1, 1, 1);
  }

  @Test
  void fires_ofAPausedSchedule_areNone_andBadWindowsAreProblems() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "sync", "*/5 * * * *");
    api.post("/v1/namespaces/billing/schedules/sync/pause", billing.token(), null);

    JsonNode paused = api.get("/v1/namespaces/billing/schedules/sync/fires", billing.token())
        .json();
    assertThat(paused.get("paused").asBoolean()).isTrue();
    assertThat(paused.get("total").asInt()).isZero();
    assertThat(paused.get("fires")).isEmpty();

    assertProblem(api.get("/v1/namespaces/billing/schedules/sync/fires?days=32",
        billing.token()), 422, "days");
    assertProblem(api.get("/v1/namespaces/billing/schedules/nope/fires", billing.token()),
        404, null);
  }

  @Test
  void run_showsItsLateness_fromTheFireToItsFirstAttempt() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "sync", "0 2 * * *");
    String id = trigger(billing, "sync");
    assertThat(api.get("/v1/runs/" + id, billing.token()).json().get("latenessMs").isNull())
        .isTrue();

    api.clock.advance(Duration.ofMillis(1500));
    api.attempt(200, "ok", RunStatus.SUCCEEDED);

    assertThat(api.get("/v1/runs/" + id, billing.token()).json().get("latenessMs").asLong())
        .isEqualTo(1500);
  }

  private String trigger(Tenant tenant, String schedule) {
    return api.post("/v1/namespaces/" + tenant.name() + "/schedules/" + schedule + "/trigger",
        tenant.token(), null).json().get("id").asText();
  }
}

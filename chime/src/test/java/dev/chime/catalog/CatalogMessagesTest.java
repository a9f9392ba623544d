package dev.chime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words of the findings a user acts on: each says what is wrong and what to write instead.
 * Positions are the corpus's business ({@link CatalogCorpusTest}); here the messages are literal.
 */
class CatalogMessagesTest {

  private static LintResult lint(String yaml) {
    return new CatalogLinter(CatalogCorpusTest.CLOCK)
        .lint("catalog-info.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** A file with one schedule, given its fields as YAML lines. */
  private static LintResult schedule(String... fields) {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: billing
        spec:
          schedules:
        """);
    for (int i = 0; i < fields.length; i++) {
      yaml.append(i == 0 ? "    - " : "      ").append(fields[i]).append('\n');
    }
    return lint(yaml.toString());
  }

  private static List<String> messages(LintResult result) {
    return result.findings().stream().map(Finding::message).toList();
  }

  @Test
  void unknownField_saysWhichWasMeant() {
    assertThat(messages(schedule("name: sync", "cron: \"0 2 * * *\"",
        "endpoint: /internal/cron/sync", "timzone: Europe/Stockholm")))
        .containsExactly("unknown field `timzone`; did you mean `timezone`?");
  }

  @Test
  void unknownTimezone_saysWhichWasMeant() {
    assertThat(messages(schedule("name: sync", "cron: \"0 9 * * *\"",
        "endpoint: /internal/cron/sync", "timezone: Europe/Stokholm")))
        .containsExactly("unknown timezone `Europe/Stokholm`; did you mean `Europe/Stockholm`?");
  }

  @Test
  void sixFieldCron_showsTheFiveFieldForm() {
    LintResult result = schedule("name: sync", "cron: \"0 0 2 * * *\"",
        "endpoint: /internal/cron/sync");
    assertThat(result.findings()).singleElement().hasToString("catalog-info.yaml:8:14: error:"
        + " 6-field cron (with seconds) is not supported: Chime fires at most once a minute;"
        + " use `0 2 * * *` [cron-six-fields]");
  }

  @Test
  void daylightSaving_namesTheDateAndWhatHappens_inTheYearAfterTheClock() {
    assertThat(messages(schedule("name: sync", "cron: \"30 2 * * *\"",
        "endpoint: /internal/cron/sync", "timezone: America/Denver")))
        .containsExactly("02:30 does not exist in America/Denver on 2026-03-08; it will run at"
            + " 03:00");
    assertThat(messages(schedule("name: sync", "cron: \"30 1 * * *\"",
        "endpoint: /internal/cron/sync", "timezone: America/New_York")))
        .containsExactly("01:30 occurs twice in America/New_York on 2026-11-01; it runs once, at"
            + " the first (EDT)");
  }

  @Test
  void daylightSaving_listsEveryDateItMoves_andTheTimesOfSkippedFires() {
    assertThat(messages(schedule("name: sync", "cron: \"0 1,2 * * *\"",
        "endpoint: /internal/cron/sync", "timezone: America/Denver")))
        .containsExactly("02:00 does not exist in America/Denver on 2026-03-08; it will run at"
            + " 03:00. 01:00 occurs twice in America/Denver on 2026-11-01; it runs once, at the"
            + " first (MDT)");
    assertThat(messages(schedule("name: sync", "cron: \"0,30 2 * * *\"",
        "endpoint: /internal/cron/sync", "timezone: America/Denver", "dstGap: skip")))
        .containsExactly("02:00 and 02:30 do not exist in America/Denver on 2026-03-08; they will"
            + " be skipped (dstGap: skip)");
  }

  @Test
  void dayFields_sayThatEitherDayFires_andHowToGetBoth() {
    assertThat(messages(schedule("name: sync", "cron: \"0 0 13 * 5\"",
        "endpoint: /internal/cron/sync")))
        .containsExactly("day-of-month and day-of-week are both set, so this fires when EITHER"
            + " matches: At 00:00, on day 13 of the month or on Friday; to fire only on days that"
            + " match both, use `0 0 13 * *` and check the day of the week in the job");
  }

  @Test
  void every_namesTheNearestValidIntervals() {
    assertThat(messages(schedule("name: sync", "every: 7h", "endpoint: /internal/cron/sync")))
        .containsExactly("7h does not divide 24 hours evenly; the nearest valid values are 6h"
            + " and 8h");
  }

  @Test
  void missingEndpoint_suggestsOneFromTheName() {
    assertThat(messages(schedule("name: nightly-sync", "cron: \"0 2 * * *\"")))
        .containsExactly("schedule `nightly-sync` has no `endpoint`; add the path Chime calls,"
            + " such as `endpoint: /internal/cron/nightly-sync`");
  }

  @Test
  void endpoints_sayWhereCronEndpointsBelong() {
    assertThat(messages(schedule("name: sync", "cron: \"0 2 * * *\"",
        "endpoint: /api/cron/sync")))
        .containsExactly("`/api/cron/sync` is under /api/, which the gateway serves to the"
            + " outside; cron endpoints must stay internal: use `/internal/cron/sync`");
    LintResult routed = lint("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: billing
        spec:
          routes:
            - path: /internal
          schedules:
            - name: sync
              cron: "0 2 * * *"
              endpoint: /internal/cron/sync
        """);
    assertThat(messages(routed)).containsExactly("`/internal/cron/sync` is exposed by the route"
        + " `/internal` of spec.routes (line 7); cron endpoints must stay internal: remove it"
        + " from spec.routes, or move the endpoint out of that route");
  }

  @Test
  void timeouts_giveTheRangeInWords() {
    assertThat(messages(schedule("name: sync", "cron: \"0 2 * * *\"",
        "endpoint: /internal/cron/sync", "timeoutMs: 7200000")))
        .containsExactly("`timeoutMs` must be between 1000 (1 second) and 3600000 (1 hour), was"
            + " 7200000 (2 hours)");
  }

  @Test
  void choices_andChains_sayWhichWasMeant() {
    assertThat(messages(schedule("name: sync", "cron: \"0 2 * * *\"",
        "endpoint: /internal/cron/sync", "concurrency: forbidd")))
        .containsExactly("`concurrency` must be one of allow, forbid, was \"forbidd\"; did you"
            + " mean forbid?");
    LintResult chained = lint("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: billing
        spec:
          schedules:
            - name: sync
              cron: "0 2 * * *"
              endpoint: /internal/cron/sync
              chain: [reprot]
            - name: report
              cron: "0 3 * * *"
              endpoint: /internal/cron/report
        """);
    assertThat(chained.findings()).singleElement().hasToString("catalog-info.yaml:10:15:"
        + " warning: `chain` names `reprot`, which this file does not declare; did you mean"
        + " `report`? [chain-unknown]");
  }

  @Test
  void duplicateName_pointsAtTheFirst() {
    LintResult result = lint("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: billing
        spec:
          schedules:
            - name: sync
              cron: "0 2 * * *"
              endpoint: /internal/cron/sync
            - name: sync
              cron: "0 3 * * *"
              endpoint: /internal/cron/sync-again
        """);
    assertThat(result.findings()).singleElement().hasToString("catalog-info.yaml:10:13: error:"
        + " schedule name `sync` is already used at line 7; names are unique within a namespace,"
        + " so rename one [duplicate-name]");
  }

  @Test
  void aCleanFile_declaresItsSchedules_asTheApiWouldTakeThem() {
    LintResult result = schedule("name: sync", "cron: \"0 9 * * *\"",
        "endpoint: /internal/cron/sync", "timezone: Europe/Stockholm", "timeoutMs: 60000");
    assertThat(result.findings()).isEmpty();
    assertThat(result.schedules("billing")).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("sync");
      assertThat(s.zone().getId()).isEqualTo("Europe/Stockholm");
      assertThat(s.delivery().timeout().toMillis()).isEqualTo(60000);
    });
  }
}

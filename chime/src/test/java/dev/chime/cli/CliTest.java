package dev.chime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The command line as SPEC §10 describes it: output, formats and exit statuses. */
class CliTest {
  private static final InstantSource NOW = InstantSource.fixed(Instant.parse("2026-11-20T12:00:00Z"));

  record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), NOW);
    return new Result(status, out.toString(), err.toString());
  }

  @Test
  void nextJson_listsOffsetDateTimesWithSecondsInTheZone() {
    Result r = run("next", "30 2 * * *", "--tz", "America/Denver",
        "--from", "2026-03-07T12:00:00Z", "-n", "2", "--format", "json");
    assertThat(r.status()).isZero();
    assertThat(r.out().strip())
        .isEqualTo("[\"2026-03-08T03:00:00-06:00\",\"2026-03-09T02:30:00-06:00\"]");
  }

  @Test
  void nextText_marksDaylightSavingEffects() {
    Result r = run("next", "30 2 * * *", "--tz", "America/Denver", "--from", "2026-03-07", "-n", "2");
    assertThat(r.out().lines().toList()).containsExactly(
        "2026-03-07T02:30:00-07:00  Sat  2026-03-07T09:30:00Z",
        "2026-03-08T03:00:00-06:00  Sun  2026-03-08T09:00:00Z"
            + "  (02:30 does not exist in America/Denver that day; runs at 03:00)");
  }

  @Test
  void nextWithoutFrom_startsFromTheClock() {
    Result r = run("next", "0 0 1 * *", "-n", "1", "--format", "json");
    assertThat(r.out().strip()).isEqualTo("[\"2026-12-01T00:00:00Z\"]");
  }

  @Test
  void nextReadsDialectsAndIntervals() {
    assertThat(run("next", "0 0 9 ? * MON", "--dialect", "quartz", "-n", "1", "--format", "json")
        .out().strip()).isEqualTo("[\"2026-11-23T09:00:00Z\"]");
    assertThat(run("next", "@every 6h", "--tz", "Asia/Kolkata", "-n", "1", "--format", "json")
        .out().strip()).isEqualTo("[\"2026-11-20T23:30:00+05:30\"]");
  }

  @Test
  void invalidExpression_exitsOneAndPointsAtTheColumn() {
    Result r = run("next", "0 0 * * 8");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("day-of-week field: value 8 out of range 0-7 at column 9");
    assertThat(r.err()).contains("  0 0 * * 8\n          ^");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void invalidZoneOrFrom_exitOne() {
    assertThat(run("next", "0 2 * * *", "--tz", "Europe/Stokholm").err())
        .contains("did you mean Europe/Stockholm?");
    assertThat(run("next", "0 2 * * *", "--tz", "Europe/Stokholm").status()).isEqualTo(1);
    assertThat(run("next", "0 2 * * *", "--from", "yesterday").status()).isEqualTo(1);
    assertThat(run("next", "0 2 * * *", "-n", "0").status()).isEqualTo(1);
  }

  @Test
  void usageErrors_exitTwo() {
    assertThat(run().status()).isEqualTo(2);
    assertThat(run("next").status()).isEqualTo(2);
    assertThat(run("next", "0 2 * * *", "--dialect", "vixie").status()).isEqualTo(2);
    assertThat(run("next", "0 2 * * *", "--bogus").status()).isEqualTo(2);
    assertThat(run("translate", "0 2 * * *").status()).isEqualTo(2);
    assertThat(run("frobnicate").status()).isEqualTo(2);
  }

  @Test
  void explain_saysItInWordsWithTheNextFires() {
    Result r = run("explain", "0 9 * * 1-5", "--tz", "America/Denver");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("At 09:00, Monday through Friday (America/Denver)\nNext:\n");
    assertThat(r.out()).contains("2026-11-20T09:00:00-07:00  Fri  2026-11-20T16:00:00Z");
  }

  @Test
  void explain_warnsAboutTheOrRuleAndComingDaylightSavingMoves() {
    Result r = run("explain", "30 2 13 * 5", "--tz", "America/Denver");
    assertThat(r.out()).contains("Note: both day-of-month and day-of-week are set");
    Result dst = run("explain", "30 2 * * *", "--tz", "America/Denver");
    assertThat(dst.out())
        .contains("Note: 2027-03-14: 02:30 does not exist in America/Denver that day; runs at 03:00");
  }

  @Test
  void translate_toEachTarget() {
    assertThat(run("translate", "*/5 * * * *", "--to", "aws").out().strip())
        .isEqualTo("cron(0/5 * * * ? *)");
    Result k8s = run("translate", "0 9 * * 1", "--to", "k8s", "--tz", "America/Denver");
    assertThat(k8s.out()).contains("schedule: \"0 9 * * 1\"\ntimeZone: \"America/Denver\"");
    assertThat(k8s.out()).contains("Kubernetes 1.27 or later");
  }

  @Test
  void translateWithoutExactForm_exitsOneWithTheReason() {
    Result r = run("translate", "0 0 13 * 5", "--to", "quartz");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("Quartz");
  }
}

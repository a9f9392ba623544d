package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The engine's posix fire times equal those of {@link ReferenceFireTimes}, a brute-force model
 * written from the spec, for random expressions, zones and starts; a good share of the starts lie
 * within hours of a daylight-saving transition or exactly on a fire.
 */
class FireTimesPropertyTest {
  private static final int RUN = 6;
  private static final int LONG_RUN = 12;

  /** Zones whose transitions are easy to get wrong, always in the mix. */
  private static final List<String> NOTABLE_ZONES =
      List.of(
          "America/Denver", // US rules, 02:00 both ways
          "Europe/Stockholm", // EU rules, 02:00 and 03:00 local
          "America/New_York",
          "Australia/Lord_Howe", // half-hour daylight saving
          "America/Santiago", // transitions at 24:00
          "Pacific/Apia", // skipped 2011-12-30 entirely
          "Asia/Kolkata", // half-hour offset, no daylight saving
          "UTC",
          "America/St_Johns", // -03:30 with daylight saving
          "Pacific/Chatham", // +12:45, daylight saving at 02:45
          "Europe/Dublin", // negative daylight saving in the tz data
          "Antarctica/Troll", // two-hour daylight saving
          "Africa/Casablanca", // Ramadan suspensions, many transitions
          "Pacific/Kiritimati"); // skipped 1994-12-31

  private static final List<String> ALL_ZONES =
      ZoneId.getAvailableZoneIds().stream().sorted().toList();

  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2045-12-31T00:00:00Z");
  private static final Map<ZoneId, List<ZoneOffsetTransition>> TRANSITIONS =
      new ConcurrentHashMap<>();

  enum StartKind {
    ANYWHERE,
    NEAR_TRANSITION,
    ON_A_FIRE,
    ON_A_FIRE_NEAR_TRANSITION
  }

  /** Where a try starts, resolved against its zone and expression. */
  record Start(StartKind kind, long seed, int jitterSeconds, boolean withNanos) {}

  @Property(tries = 2000)
  void fireTimesEqualTheBruteForceReference(
      @ForAll("posixExpressions") String expression,
      @ForAll("zones") ZoneId zone,
      @ForAll("starts") Start start,
      @ForAll DstGap gap) {
    ReferenceFireTimes reference = ReferenceFireTimes.of(expression, zone, gap);
    if (!reference.canFire()) {
      assertThatThrownBy(() -> CronExpression.parse(expression))
          .isInstanceOf(CronParseException.class)
          .hasMessageContaining("never fires");
      Statistics.label("outcome").collect("never fires");
      return;
    }
    FireSchedule schedule = CronExpression.parse(expression).in(zone, gap);
    Instant from = startInstant(start, zone, reference);

    List<FireTime> expected = reference.nextFires(from, RUN);
    assertThat(schedule.next(from)).as("next after %s", from).isEqualTo(first(expected));
    assertThat(schedule.previous(from))
        .as("previous before %s", from)
        .isEqualTo(reference.previous(from));
    List<FireTime> run = schedule.fireTimes(from).limit(RUN).toList();
    assertThat(run).as("fires after %s", from).isEqualTo(expected);
    for (int i = 1; i < run.size(); i++) {
      assertThat(schedule.previous(run.get(i).instant()))
          .as("previous before fire %s", run.get(i))
          .contains(run.get(i - 1));
    }

    Statistics.label("outcome").collect(reference.followsClock() ? "follows clock" : "fixed");
    Statistics.label("start").collect(start.kind());
    Statistics.label("daylight saving in run").collect(dstShape(run));
  }

  /**
   * Expressions whose hour field is built from a real transition of the zone (its hour before and
   * after), started up to three hours before it, so that nearly every run crosses a gap or an
   * overlap.
   */
  @Property(tries = 1500)
  void fireTimesAroundTransitionsEqualTheBruteForceReference(
      @ForAll("zonesWithTransitions") ZoneId zone,
      @ForAll long seed,
      @ForAll("transitionMinutes") String minute,
      @ForAll("transitionHours") String hourShape,
      @ForAll("transitionDays") String days,
      @ForAll @IntRange(min = 0, max = 2 * 3600) int secondsBefore,
      @ForAll DstGap gap) {
    List<ZoneOffsetTransition> transitions = TRANSITIONS.computeIfAbsent(zone, z -> transitions(z));
    ZoneOffsetTransition t = transitions.get((int) Math.floorMod(seed, (long) transitions.size()));
    int before = t.getDateTimeBefore().getHour();
    int after = t.getDateTimeAfter().getHour();
    String hour =
        hourShape
            .replace("LOW", String.valueOf(Math.min(before, after)))
            .replace("HIGH", String.valueOf(Math.max(before, after)))
            .replace("BEFORE", String.valueOf(before))
            .replace("AFTER", String.valueOf(after));
    String dayOfMonth =
        days.equals("D") ? String.valueOf(t.getDateTimeBefore().getDayOfMonth()) : days;
    String expression = minute + " " + hour + " " + dayOfMonth + " * *";
    ReferenceFireTimes reference = ReferenceFireTimes.of(expression, zone, gap);
    FireSchedule schedule = CronExpression.parse(expression).in(zone, gap);
    Instant from = t.getInstant().minusSeconds(secondsBefore);

    List<FireTime> expected = reference.nextFires(from, LONG_RUN);
    List<FireTime> run = schedule.fireTimes(from).limit(LONG_RUN).toList();
    assertThat(run).as("%s in %s after %s", expression, zone, from).isEqualTo(expected);
    FireTime last = run.get(run.size() - 1);
    Instant end = last.instant().plusSeconds(1);
    assertThat(schedule.previous(end)).as("previous before %s", end).contains(last);
    for (int i = 1; i < run.size(); i++) {
      assertThat(schedule.previous(run.get(i).instant()))
          .as("%s in %s: previous before fire %s", expression, zone, run.get(i))
          .contains(run.get(i - 1));
    }
    boolean crosses = !last.instant().isBefore(t.getInstant());
    Statistics.label("transition")
        .collect((t.isGap() ? "gap" : "overlap") + (crosses ? ", crossed" : ", not reached"));
    Statistics.label("daylight saving in run").collect(dstShape(run));
  }

  /** Pacific/Apia skipped 2011-12-30: nothing fires inside it, for every kind of schedule. */
  @Example
  void apiaSkippedDay_firesNothingInside_forEverySchedule() {
    ZoneId apia = ZoneId.of("Pacific/Apia");
    Instant from = Instant.parse("2011-12-29T12:00:00Z"); // 2011-12-29T02:00-10:00
    for (String expression : List.of("30 12 * * *", "0 */6 * * *", "*/30 * * * *", "0 0 30 12 *")) {
      for (DstGap gap : DstGap.values()) {
        ReferenceFireTimes reference = ReferenceFireTimes.of(expression, apia, gap);
        List<FireTime> run =
            CronExpression.parse(expression).in(apia, gap).fireTimes(from).limit(RUN).toList();
        assertThat(run).as(expression).isEqualTo(reference.nextFires(from, RUN));
        assertThat(run)
            .as(expression)
            .noneMatch(f -> f.scheduled().toLocalDate().equals(LocalDate.of(2011, 12, 30)));
      }
    }
    FireSchedule daily = CronExpression.parse("30 12 * * *").in(apia);
    assertThat(daily.fireTimes(from).limit(2).map(FireTime::time))
        .containsExactly(
            ZonedDateTime.parse("2011-12-29T12:30-10:00[Pacific/Apia]"),
            ZonedDateTime.parse("2011-12-31T12:30+14:00[Pacific/Apia]"));
  }

  @Provide
  Arbitrary<ZoneId> zonesWithTransitions() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(NOTABLE_ZONES)), Tuple.of(1, Arbitraries.of(ALL_ZONES)))
        .map(ZoneId::of)
        .filter(z -> !TRANSITIONS.computeIfAbsent(z, zone -> transitions(zone)).isEmpty());
  }

  @Provide
  Arbitrary<String> transitionMinutes() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of("0", "30", "0,30", "15,45", "59", "0-2", "29-31", "*/20")),
        Tuple.of(2, CronFields.list(0, 59, List.of())),
        Tuple.of(1, CronFields.starStep(0, 59)));
  }

  @Provide
  Arbitrary<String> transitionHours() {
    return Arbitraries.of(
        "BEFORE", "AFTER", "LOW-HIGH", "BEFORE,AFTER", "LOW/1", "LOW-HIGH/2", "*", "*/2", "*/3");
  }

  @Provide
  Arbitrary<String> transitionDays() {
    return Arbitraries.of("*", "*", "D", "*/2");
  }

  private static Optional<FireTime> first(List<FireTime> fires) {
    return fires.isEmpty() ? Optional.empty() : Optional.of(fires.get(0));
  }

  /** What daylight saving did in a run, for the statistics report. */
  private static String dstShape(List<FireTime> run) {
    if (run.stream().anyMatch(f -> f.adjustment() != FireTime.Adjustment.NONE)) {
      return "moved past a gap";
    }
    if (run.stream().map(FireTime::scheduled).distinct().count() < run.size()) {
      return "both passes of an overlap";
    }
    return "none";
  }

  private static Instant startInstant(Start start, ZoneId zone, ReferenceFireTimes reference) {
    long span = LATEST.getEpochSecond() - EARLIEST.getEpochSecond();
    Instant anywhere = EARLIEST.plusSeconds(Math.floorMod(start.seed(), span));
    Instant nearTransition = nearTransition(zone, start).orElse(anywhere);
    Instant instant =
        switch (start.kind()) {
          case ANYWHERE -> anywhere;
          case NEAR_TRANSITION -> nearTransition;
          case ON_A_FIRE -> reference.next(anywhere).map(FireTime::instant).orElse(anywhere);
          case ON_A_FIRE_NEAR_TRANSITION ->
              reference
                  .next(nearTransition.minus(Duration.ofHours(3)))
                  .map(FireTime::instant)
                  .orElse(nearTransition);
        };
    boolean onFire =
        start.kind() == StartKind.ON_A_FIRE || start.kind() == StartKind.ON_A_FIRE_NEAR_TRANSITION;
    if (start.withNanos() && !onFire) {
      instant = instant.plusNanos(1 + Math.floorMod(start.seed(), 999_999_999L));
    }
    return instant;
  }

  /** Within three hours of one of the zone's transitions between 1990 and 2045. */
  private static Optional<Instant> nearTransition(ZoneId zone, Start start) {
    List<ZoneOffsetTransition> transitions = TRANSITIONS.computeIfAbsent(zone, z -> transitions(z));
    if (transitions.isEmpty()) {
      return Optional.empty();
    }
    ZoneOffsetTransition t =
        transitions.get((int) Math.floorMod(start.seed(), (long) transitions.size()));
    return Optional.of(t.getInstant().plusSeconds(start.jitterSeconds()));
  }

  private static List<ZoneOffsetTransition> transitions(ZoneId zone) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransition> all = new ArrayList<>();
    for (ZoneOffsetTransition t = rules.nextTransition(EARLIEST);
        t != null && t.getInstant().isBefore(LATEST);
        t = rules.nextTransition(t.getInstant())) {
      all.add(t);
    }
    return all;
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(NOTABLE_ZONES)), Tuple.of(1, Arbitraries.of(ALL_ZONES)))
        .map(ZoneId::of);
  }

  @Provide
  Arbitrary<Start> starts() {
    return Combinators.combine(
            Arbitraries.frequency(
                Tuple.of(3, StartKind.ANYWHERE),
                Tuple.of(4, StartKind.NEAR_TRANSITION),
                Tuple.of(2, StartKind.ON_A_FIRE),
                Tuple.of(3, StartKind.ON_A_FIRE_NEAR_TRANSITION)),
            Arbitraries.longs(),
            Arbitraries.integers().between(-3 * 3600, 3 * 3600),
            Arbitraries.of(false, false, true))
        .as(Start::new);
  }

  @Provide
  Arbitrary<String> posixExpressions() {
    Arbitrary<String> fields =
        Combinators.combine(minute(), hour(), dayOfMonth(), month(), dayOfWeek())
            .as((mi, h, dom, mon, dow) -> String.join(" ", mi, h, dom, mon, dow));
    return Arbitraries.frequencyOf(
        Tuple.of(40, fields),
        Tuple.of(
            1,
            Arbitraries.of(
                "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")));
  }

  private static Arbitrary<String> minute() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, CronFields.list(0, 59, List.of())),
        Tuple.of(2, Arbitraries.of("0", "30", "0,30", "15,45", "59", "0-10", "20-40/5")),
        Tuple.of(1, CronFields.starStep(0, 59)));
  }

  /** Hours, with a good share inside the usual daylight-saving windows (00:00-03:59). */
  private static Arbitrary<String> hour() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, CronFields.list(0, 23, List.of())),
        Tuple.of(4, CronFields.list(0, 3, List.of())),
        Tuple.of(1, Arbitraries.of("23", "22-23", "0,23", "1-3", "2", "*")),
        Tuple.of(1, CronFields.starStep(0, 23)));
  }

  private static Arbitrary<String> dayOfMonth() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just("*")),
        Tuple.of(1, CronFields.starStep(1, 31)),
        Tuple.of(3, CronFields.list(1, 31, List.of())));
  }

  private static Arbitrary<String> month() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just("*")),
        Tuple.of(1, CronFields.starStep(1, 12)),
        Tuple.of(3, CronFields.list(1, 12, CronFields.MONTH_NAMES)));
  }

  private static Arbitrary<String> dayOfWeek() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just("*")),
        Tuple.of(1, CronFields.starStep(0, 7)),
        Tuple.of(4, CronFields.list(0, 7, CronFields.DAY_NAMES)));
  }
}

package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Translations round-trip: a random expression in any dialect, translated to every target and
 * parsed back, fires at the same instants with the same adjustments over five years, in UTC and in
 * zones with daylight saving (Lord Howe's is half an hour). A translation may fail only for a
 * reason the model shows (a year field, a Quartz special, the OR or AND of two day fields).
 */
class TranslatorRoundTripTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant END = ZonedDateTime.parse("2031-01-01T00:00:00Z").toInstant();
  private static final List<ZoneId> ZONES =
      List.of("UTC", "America/Denver", "Europe/Stockholm", "Australia/Lord_Howe").stream()
          .map(ZoneId::of)
          .toList();

  record Case(Dialect dialect, String text, ZoneId zone, DstGap gap) {
    CronExpression cron() {
      return CronExpression.parse(text, dialect, "team/job");
    }

    boolean parses() {
      try {
        cron();
        return true;
      } catch (CronParseException e) {
        return false; // a random expression that never fires
      }
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(Dialect.values())
        .flatMap(
            d ->
                Combinators.combine(
                        TranslatorExpressions.in(d),
                        Arbitraries.of(ZONES),
                        Arbitraries.of(DstGap.values()))
                    .as((text, zone, gap) -> new Case(d, text, zone, gap)))
        .filter(Case::parses);
  }

  @Property(tries = 400)
  void everyTranslationFiresAtTheSameInstants(@ForAll("cases") Case c) {
    CronExpression source = c.cron();
    List<FireTime> expected = sample(source.in(c.zone(), c.gap()));
    for (TranslationTarget target : TranslationTarget.values()) {
      String text;
      try {
        text =
            target == TranslationTarget.KUBERNETES
                ? Translator.toKubernetes(source)
                : Translator.translate(source, dialect(target));
      } catch (TranslationException e) {
        assertThat(e.getMessage())
            .as("%s %s to %s", c.dialect(), c.text(), target)
            .matches(TranslatorFailures.allowed(source.pattern(), target));
        continue;
      }
      if (target == TranslationTarget.QUARTZ) {
        assertThat(org.quartz.CronExpression.isValidExpression(text))
            .as("real Quartz accepts %s (from %s)", text, c.text())
            .isTrue();
      }
      CronExpression back = CronExpression.parse(text, dialect(target));
      assertThat(TranslatorTest.sameSchedule(back.pattern(), source.pattern()))
          .as("%s %s to %s: %s", c.dialect(), c.text(), target, text)
          .isTrue();
      assertThat(sample(back.in(c.zone(), c.gap())))
          .as("%s %s to %s: %s in %s", c.dialect(), c.text(), target, text, c.zone())
          .isEqualTo(expected);
    }
  }

  private static Dialect dialect(TranslationTarget target) {
    return switch (target) {
      case POSIX, KUBERNETES -> Dialect.POSIX;
      case ISO -> Dialect.ISO;
      case QUARTZ -> Dialect.QUARTZ;
      case AWS -> Dialect.AWS;
    };
  }

  /**
   * The fires to compare, bounded so that an every-minute schedule stays cheap: the first 500 from
   * the start, 20 from each year's start, and every fire within three hours of each offset change
   * of the zone in the five years.
   */
  private static List<FireTime> sample(FireSchedule schedule) {
    List<FireTime> fires = new ArrayList<>();
    walk(schedule, START, END, 500, fires);
    for (int year = 2027; year <= 2030; year++) {
      walk(schedule, ZonedDateTime.parse(year + "-01-01T00:00:00Z").toInstant(), END, 20, fires);
    }
    ZoneOffsetTransition t = schedule.zone().getRules().nextTransition(START);
    while (t != null && t.getInstant().isBefore(END)) {
      Instant at = t.getInstant();
      walk(schedule, at.minusSeconds(3 * 3600), at.plusSeconds(3 * 3600), 400, fires);
      t = schedule.zone().getRules().nextTransition(at);
    }
    return fires;
  }

  private static void walk(
      FireSchedule schedule, Instant after, Instant until, int limit, List<FireTime> out) {
    Instant from = after;
    for (int i = 0; i < limit; i++) {
      var next = schedule.next(from);
      if (next.isEmpty() || next.get().instant().isAfter(until)) {
        return;
      }
      out.add(next.get());
      from = next.get().instant();
    }
  }
}

package dev.chime.catalog;

import dev.chime.cron.CronExpression;
import dev.chime.cron.CronParseException;
import dev.chime.cron.Dialect;
import dev.chime.cron.DstGap;
import dev.chime.cron.Interval;
import dev.chime.cron.Timing;
import dev.chime.schedule.ScheduleSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A schedule's timing read as the server reads it: the cron in its dialect or the every
 * interval, and the timezone. Parse errors are sorted into the rules a user can act on, and an
 * expression that parses is checked for cron's surprises: the OR of the day fields and
 * daylight saving.
 */
final class TimingRules {
  /** An interval that is well formed, whatever its length: a number and a unit. */
  private static final Pattern INTERVAL = Pattern.compile("\\s*0*([1-9]\\d{0,8})\\s*[mhMH]\\s*");

  private TimingRules() {}

  static void check(FieldFindings found, ZoneNames zones, Instant now) {
    ScheduleSpec spec = found.schedule().spec();
    Optional<ZoneId> zone = zone(found, zones);
    if (spec.cron() != null && !found.has("cron")) {
      found.claim("cron");
      // An unknown dialect is reported as such; reading the cron in another would mislead.
      Optional<Dialect> dialect = found.has("dialect") ? Optional.empty() : dialect(spec.dialect());
      dialect.flatMap(d -> cron(found, d)).ifPresent(cron -> {
        dayFields(found, cron, zone.orElse(ZoneId.of("UTC")));
        zone.ifPresent(z -> DstRule.check(found, cron, z, dstGap(spec.dstGap()), now));
      });
    }
    if (spec.every() != null && !found.has("every")) {
      found.claim("every");
      every(found);
    }
  }

  private static Optional<ZoneId> zone(FieldFindings found, ZoneNames zones) {
    String name = found.schedule().spec().timezone();
    if (found.has("timezone")) {
      return Optional.empty();
    }
    found.claim("timezone");
    if (name == null) {
      return Optional.of(ZoneId.of("UTC"));
    }
    ZoneNames.Judged judged = zones.judge(name);
    if (judged.problem() != null) {
      found.add("timezone", found.where("timezone"), Rule.UNKNOWN_TIMEZONE, judged.problem());
    }
    return Optional.ofNullable(judged.zone());
  }

  /** The parsed cron when it is a cron expression (not {@code @every} or {@code rate(…)}). */
  private static Optional<CronExpression> cron(FieldFindings found, Dialect dialect) {
    String text = found.schedule().spec().cron();
    try {
      return Timing.parse(text, dialect, "") instanceof CronExpression c ? Optional.of(c)
          : Optional.empty();
    } catch (CronParseException e) {
      List<CronText.Token> fields = CronText.tokens(text);
      boolean fiveFieldDialect = dialect == Dialect.POSIX || dialect == Dialect.ISO;
      if (fiveFieldDialect && fields.size() == 6 && !text.strip().startsWith("@")) {
        String minutes = fields.subList(1, 6).stream()
            .map(f -> f.text().equals("?") ? "*" : f.text())
            .collect(Collectors.joining(" "));
        found.add("cron", at(found, fields.get(0).offset()), Rule.CRON_SIX_FIELDS,
            "6-field cron (with seconds) is not supported: Chime fires at most once a minute;"
                + " use `" + minutes + "`");
      } else {
        Rule rule = e.reason().startsWith("never fires") ? Rule.NEVER_FIRES : Rule.CRON_SYNTAX;
        // The column counts from 1 in the text as given, which is the scalar's text.
        Position at = e.column() > 0 ? at(found, e.column() - 1) : found.where("cron");
        found.add("cron", at, rule, (e.field() == null ? "" : e.field() + " field: ")
            + e.reason());
      }
      return Optional.empty();
    }
  }

  /** Cron's OR of the day fields, which most people read as AND (SPEC §2.1). */
  private static void dayFields(FieldFindings found, CronExpression cron, ZoneId zone) {
    if (!cron.matchesEitherDay()) {
      return;
    }
    List<CronText.Token> fields = CronText.tokens(found.schedule().spec().cron());
    if (fields.size() != 5) {
      return; // only five-field dialects have the OR rule
    }
    String words = cron.describe(zone);
    String days = words.substring(0, words.lastIndexOf(" (")); // without the zone
    String monthDays = fields.subList(0, 4).stream().map(CronText.Token::text)
        .collect(Collectors.joining(" ")) + " *";
    found.add("cron", at(found, fields.get(4).offset()), Rule.DOM_DOW_OR,
        "day-of-month and day-of-week are both set, so this fires when EITHER matches: "
            + days + "; to fire only on days that match both, use `" + monthDays + "` and check"
            + " the day of the week in the job");
  }

  private static void every(FieldFindings found) {
    String text = found.schedule().spec().every();
    if (text.length() > ScheduleSpec.MAX_SHORT) {
      found.add("every", found.where("every"), Rule.EVERY_SYNTAX, "`every` is longer than "
          + ScheduleSpec.MAX_SHORT + " characters; write a number and a unit: 10m or 2h");
      return;
    }
    try {
      Interval.parse(text);
    } catch (CronParseException e) {
      Matcher wellFormed = INTERVAL.matcher(text);
      found.add("every", found.where("every"),
          wellFormed.matches() ? Rule.EVERY_NOT_DIVIDING_DAY : Rule.EVERY_SYNTAX, e.reason());
    }
  }

  /** The dialect named, posix when none is; empty when unknown (another rule says so). */
  private static Optional<Dialect> dialect(String name) {
    if (name == null) {
      return Optional.of(Dialect.POSIX);
    }
    String id = name.strip().toLowerCase(Locale.ROOT);
    for (Dialect d : Dialect.values()) {
      if (d.id().equals(id)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static DstGap dstGap(String name) {
    return name != null && name.strip().equalsIgnoreCase("skip") ? DstGap.SKIP : DstGap.SHIFT;
  }

  /** The character at {@code offset} of the cron's text. */
  private static Position at(FieldFindings found, int offset) {
    return found.schedule().scalar("cron").map(s -> s.at(offset)).orElse(found.where("cron"));
  }
}

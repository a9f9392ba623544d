package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Chime expression is written for a peer library so that both mean the same fire times. Every
 * rewrite here works around a documented difference (see {@link PeerSemanticsTest}); the
 * differential tests count how often each one was needed.
 *
 * @param forms the peer's expressions; Chime's fires equal the merged fires of all of them. Empty
 *     when the peer cannot express the schedule at all
 * @param reasons the differences that made a rewrite necessary, empty when taken as is
 */
record PeerForms(List<String> forms, List<String> reasons) {
  static final String VIXIE_OR = "posix ORs restricted day fields; the peer ANDs them";
  static final String SPRING_STAR_STEP_DOW = "Spring counts */S in day-of-week from Monday";
  static final String SPRING_SUNDAY_RANGE = "Spring reads 7-7 and SUN-SUN as every day";
  static final String CRON_UTILS_STAR_OR =
      "cron-utils ORs the day fields unless one is exactly *; posix ANDs when one starts with *";
  static final String CRON_UTILS_SUN_AS_SEVEN = "cron-utils reads SUN as 7 in a range (SUN-WED)";
  static final String CRON_UTILS_SEVEN_STEP = "cron-utils reads 7/S in day-of-week as 0/S";
  static final String JOBRUNR_DOW_ENDS_AT_SIX =
      "JobRunr's day-of-week is 0-6 (no 7; A/S stops at 6)";
  static final String JOBRUNR_MONTH_STEP =
      "JobRunr's month steps never reach December (*/1 skips it; 12/2 fails)";
  static final String QUARTZ_LAST_DAY_BUG =
      "Quartz 2.5.0 finds L, L-n, LW, nW only in 31-day months";
  static final String QUARTZ_NAMED_RANGE_STEP =
      "Quartz ignores the step of a named range (MON-FRI/2, JAN-JUN/2)";
  static final String SPRING_NO_YEAR = "Spring has no year field";
  static final String SPRING_DOW_NUMBERS = "Spring numbers day-of-week from MON=1; Quartz SUN=1";
  static final String SPRING_NEAREST_WEEKDAY_AT_END =
      "Spring skips nW when day n is a Sunday ending the month (30W in April 2028)";
  static final String CRON_UTILS_NEAREST_WEEKDAY_AT_END =
      "cron-utils fires nW on the Sunday itself when day n is a Sunday ending the month";
  static final String SPRING_FIFTH_WEEKDAY =
      "Spring fires d#5 on the 1st of some months without a fifth such weekday";

  private static final Pattern NAME = Pattern.compile("(?i)[A-Z]{3}");
  private static final Pattern SUNDAY_TO_SUNDAY = Pattern.compile("(?i)(7|SUN)-(7|SUN)(/\\d+)?");
  private static final Pattern LONE_VALUE_STEP = Pattern.compile("(?i)\\w+/\\d+");
  private static final Pattern NAMED_RANGE_STEP = Pattern.compile("(?i)[A-Z]{3}-[A-Z]{3}/\\d+");
  private static final Pattern DOM_SPECIAL = Pattern.compile("(?i)L|LW|L-\\d+|\\d+W");
  private static final Pattern LATE_NEAREST_WEEKDAY = Pattern.compile("(28|29|30|31)W");

  static PeerForms same(String expression) {
    return new PeerForms(List.of(expression), List.of());
  }

  static PeerForms none(String reason) {
    return new PeerForms(List.of(), List.of(reason));
  }

  /**
   * Spring: six fields with seconds; ANDs the day fields; {@code *}/S in day-of-week from Monday.
   */
  static PeerForms spring(String posix, CronExpression parsed) {
    String[] f = posix.split(" ");
    List<String> reasons = new ArrayList<>();
    String dow = f[4];
    if (anyElement(dow, e -> e.startsWith("*/"))) {
      dow = explicitPosixDays(dow);
      reasons.add(SPRING_STAR_STEP_DOW);
    } else if (anyElement(dow, e -> SUNDAY_TO_SUNDAY.matcher(e).matches())) {
      dow = explicitPosixDays(dow);
      reasons.add(SPRING_SUNDAY_RANGE);
    }
    String head = "0 " + f[0] + " " + f[1] + " ";
    if (parsed.matchesEitherDay()) {
      reasons.add(VIXIE_OR);
      return new PeerForms(
          List.of(head + f[2] + " " + f[3] + " *", head + "* " + f[3] + " " + dow), reasons);
    }
    return new PeerForms(List.of(head + f[2] + " " + f[3] + " " + dow), reasons);
  }

  /** cron-utils' UNIX definition. */
  static PeerForms cronUtilsUnix(String posix, CronExpression parsed) {
    String[] f = posix.split(" ");
    if (!parsed.matchesEitherDay() && !f[2].equals("*") && !f[4].equals("*")) {
      return none(CRON_UTILS_STAR_OR);
    }
    List<String> reasons = new ArrayList<>();
    if (anyElement(f[4], e -> e.startsWith("7/"))) {
      f[4] = explicitPosixDays(f[4]);
      reasons.add(CRON_UTILS_SEVEN_STEP);
    }
    if (f[4].toUpperCase(Locale.ROOT).contains("SUN")) {
      f[4] = numericNames(f[4], RandomCron.DAYS, 0);
      reasons.add(CRON_UTILS_SUN_AS_SEVEN);
    }
    return new PeerForms(List.of(String.join(" ", f)), reasons);
  }

  /** JobRunr: posix day-of-week 0-6 only, and a month step from December fails. */
  static PeerForms jobRunr(String posix) {
    String[] f = posix.split(" ");
    List<String> reasons = new ArrayList<>();
    String dow = f[4];
    boolean reachesSeven =
        anyElement(
            dow,
            e ->
                e.contains("7")
                    || e.toUpperCase(Locale.ROOT).endsWith("-SUN")
                    || (LONE_VALUE_STEP.matcher(e).matches() && !e.startsWith("*")));
    if (reachesSeven) {
      int comma = dow.indexOf(',');
      if (dow.startsWith("*") && comma > 0) { // keep the * that makes the day fields AND
        f[4] = dow.substring(0, comma) + "," + explicitPosixDays(dow.substring(comma + 1));
      } else if (!dow.startsWith("*")) {
        f[4] = explicitPosixDays(dow);
      }
      reasons.add(JOBRUNR_DOW_ENDS_AT_SIX);
    }
    if (f[3].contains("/")) {
      f[3] = explicit(f[3], 1, 12, RandomCron.MONTHS);
      reasons.add(JOBRUNR_MONTH_STEP);
    }
    return new PeerForms(List.of(String.join(" ", f)), reasons);
  }

  /**
   * Quartz itself: day-of-month specials are broken in 2.5.0; named stepped ranges lose the step.
   */
  static PeerForms quartz(String quartz) {
    String[] f = quartz.split(" ");
    if (DOM_SPECIAL.matcher(f[3]).matches()) {
      return none(QUARTZ_LAST_DAY_BUG);
    }
    List<String> reasons = new ArrayList<>();
    if (anyElement(f[4], e -> NAMED_RANGE_STEP.matcher(e).matches())) {
      f[4] = numericNames(f[4], RandomCron.MONTHS, 1);
      reasons.add(QUARTZ_NAMED_RANGE_STEP);
    }
    if (anyElement(f[5], e -> NAMED_RANGE_STEP.matcher(e).matches())) {
      f[5] = numericNames(f[5], RandomCron.DAYS, 1);
      reasons.add(QUARTZ_NAMED_RANGE_STEP);
    }
    return new PeerForms(List.of(String.join(" ", f)), reasons);
  }

  /** cron-utils' QUARTZ definition. */
  static PeerForms cronUtilsQuartz(String quartz) {
    String[] f = quartz.split(" ");
    if (LATE_NEAREST_WEEKDAY.matcher(f[3]).matches()) {
      return none(CRON_UTILS_NEAREST_WEEKDAY_AT_END);
    }
    return same(quartz);
  }

  /** Spring reading a Quartz expression: no year, and its own day-of-week numbering. */
  static PeerForms springQuartz(String quartz) {
    String[] f = quartz.split(" ");
    if (f.length == 7) {
      return none(SPRING_NO_YEAR);
    }
    if (LATE_NEAREST_WEEKDAY.matcher(f[3]).matches()) {
      return none(SPRING_NEAREST_WEEKDAY_AT_END);
    }
    String dow = f[5];
    if (dow.equals("?") || dow.equals("*")) {
      return same(quartz);
    }
    if (dow.endsWith("#5")) {
      return none(SPRING_FIFTH_WEEKDAY);
    }
    Matcher last = Pattern.compile("(\\d)L").matcher(dow);
    Matcher nth = Pattern.compile("(\\d)#(\\d)").matcher(dow);
    if (dow.equals("L")) {
      f[5] = "SAT"; // Quartz's lone L is the last day of its week, Saturday
    } else if (last.matches()) {
      f[5] = RandomCron.DAYS.get(Integer.parseInt(last.group(1)) - 1) + "L";
    } else if (nth.matches()) {
      f[5] = RandomCron.DAYS.get(Integer.parseInt(nth.group(1)) - 1) + "#" + nth.group(2);
    } else {
      f[5] = explicit(dow, 1, 7, RandomCron.DAYS);
    }
    return new PeerForms(List.of(String.join(" ", f)), List.of(SPRING_DOW_NUMBERS));
  }

  /** The days a posix day-of-week field names, as an explicit list 0-6. */
  static String explicitPosixDays(String field) {
    boolean[] values = ReferenceFireTimes.values(field, 0, 7, RandomCron.DAYS, true);
    TreeSet<Integer> days = new TreeSet<>();
    for (int d = 0; d <= 7; d++) {
      if (values[d]) {
        days.add(d % 7);
      }
    }
    return String.join(",", days.stream().map(String::valueOf).toList());
  }

  /** The values a field names as a list of names (min..max map to names 0..). */
  private static String explicit(String field, int min, int max, List<String> names) {
    boolean[] values = ReferenceFireTimes.values(field, min, max, names, false);
    List<String> out = new ArrayList<>();
    for (int v = min; v <= max; v++) {
      if (values[v]) {
        out.add(names.get(v - min));
      }
    }
    return String.join(",", out);
  }

  private static String numericNames(String field, List<String> names, int first) {
    return NAME.matcher(field)
        .replaceAll(m -> String.valueOf(names.indexOf(m.group().toUpperCase(Locale.ROOT)) + first));
  }

  private static boolean anyElement(String field, java.util.function.Predicate<String> test) {
    for (String e : field.split(",")) {
      if (test.test(e)) {
        return true;
      }
    }
    return false;
  }
}

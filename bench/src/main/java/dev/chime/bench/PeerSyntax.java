package dev.chime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites a posix expression into each peer's syntax, and says where a peer then computes
 * different fires from posix.
 *
 * <ul>
 *   <li>Spring and Quartz lead with a seconds field: {@code 0 } is prepended.
 *   <li>Quartz wants {@code ?} in the unrestricted day field and numbers weekdays 1-7 from Sunday.
 *       When both day fields are restricted posix fires on either, which one Quartz expression
 *       cannot say: it becomes two, one per field, and {@link QuartzEngine} takes the earlier fire.
 *   <li>cron-utils and JobRunr read posix text as it is.
 * </ul>
 */
final class PeerSyntax {

  /** Any zone. */
  private static final String ANY = "*";

  /**
   * Where a peer computes something other than posix (Chime's fires) for a benchmarked expression,
   * as found by {@link EngineAgreement} over every fire of 2026-2029 with Spring 6.2, cron-utils
   * 9.2, Quartz 2.5 and JobRunr 7.3. Everything not listed agrees fire for fire.
   */
  private static final List<Difference> DIFFERENCES =
      List.of(
          new Difference(
              "spring",
              "0 0 13 * 5",
              ANY,
              "Spring reads the two day fields as AND: only Friday the 13th, up to 14 months"
                  + " away, so it searches much further than the posix OR (13th or any Friday)"),
          new Difference(
              "quartz",
              "0 0 13 * 5",
              ANY,
              "Quartz cannot restrict both day fields: two expressions (`0 0 0 13 * ?` and"
                  + " `0 0 0 ? * 6`), earliest of both; both parses and both searches are timed"),
          new Difference(
              "spring",
              "0 2 * * *",
              "America/Denver",
              "on the spring-forward day 02:00 does not exist and Spring skips the day;"
                  + " Chime fires at 03:00"),
          new Difference(
              "cron-utils",
              "0 2 * * *",
              "America/Denver",
              "on the spring-forward day 02:00 does not exist and cron-utils skips the day;"
                  + " Chime fires at 03:00"),
          new Difference(
              "quartz",
              "0 2 * * *",
              "America/Denver",
              "on the spring-forward day 02:00 does not exist and Quartz skips the day;"
                  + " Chime fires at 03:00"),
          new Difference(
              "quartz",
              "*/15 * * * *",
              "America/Denver",
              "fires the repeated fall-back hour 01:00-01:45 once (after the change, MST);"
                  + " Chime, Spring and cron-utils fire it in both occurrences"),
          new Difference(
              "jobrunr",
              "*/15 * * * *",
              "America/Denver",
              "fires the repeated fall-back hour 01:00-01:45 once (before the change, MDT);"
                  + " Chime, Spring and cron-utils fire it in both occurrences"));

  private record Difference(String library, String expression, String zone, String note) {}

  private PeerSyntax() {}

  static String spring(String posix) {
    return "0 " + posix;
  }

  /** One Quartz expression, or two whose fires together are the posix expression's. */
  static List<String> quartz(String posix) {
    String[] f = posix.strip().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("expected five posix fields: \"" + posix + "\"");
    }
    String prefix = "0 " + f[0] + " " + f[1] + " ";
    String dom = f[2];
    String month = f[3];
    String dow = f[4];
    if (dow.equals("*")) {
      return List.of(prefix + dom + " " + month + " ?");
    }
    if (dom.equals("*")) {
      return List.of(prefix + "? " + month + " " + quartzWeekdays(dow));
    }
    if (dom.startsWith("*") || dow.startsWith("*")) {
      throw new IllegalArgumentException(
          "posix requires both day fields here, which Quartz cannot express: \"" + posix + "\"");
    }
    return List.of(
        prefix + dom + " " + month + " ?", prefix + "? " + month + " " + quartzWeekdays(dow));
  }

  /**
   * Posix weekdays as Quartz's: 0-6 (and 7) from Sunday become 1-7. Lists, single days and
   * ranges within 0-6 only, which is all the benchmark needs.
   */
  static String quartzWeekdays(String posix) {
    List<String> items = new ArrayList<>();
    for (String item : posix.split(",")) {
      String[] ends = item.split("-", -1);
      if (ends.length == 1) {
        items.add(Integer.toString(weekday(ends[0], 7) % 7 + 1));
      } else if (ends.length == 2 && weekday(ends[0], 6) <= weekday(ends[1], 6)) {
        items.add((weekday(ends[0], 6) + 1) + "-" + (weekday(ends[1], 6) + 1));
      } else {
        throw new IllegalArgumentException("unsupported weekday item \"" + item + "\"");
      }
    }
    return String.join(",", items);
  }

  private static int weekday(String text, int max) {
    if (!text.matches("[0-9]")) {
      throw new IllegalArgumentException("unsupported weekday \"" + text + "\"");
    }
    int day = Integer.parseInt(text);
    if (day > max) {
      throw new IllegalArgumentException("weekday out of range 0-" + max + ": " + day);
    }
    return day;
  }

  /** What differs from posix when {@code library} runs {@code posix} in {@code zone}, if anything. */
  static Optional<String> difference(String library, String posix, String zone) {
    return DIFFERENCES.stream()
        .filter(d -> d.library.equals(library) && d.expression.equals(posix))
        .filter(d -> d.zone.equals(ANY) || d.zone.equals(zone))
        .map(Difference::note)
        .findFirst();
  }
}

package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Valid cron expressions from a seeded {@link Random}, for the deterministic differential and fuzz
 * tests: posix expressions with every operator, and Quartz expressions with {@code ? L W #} and a
 * year. Only forms every peer library accepts are produced (ranges never wrap).
 */
final class RandomCron {
  static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private final Random random;

  RandomCron(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  Supplier<String> posixSupplier() {
    return this::posix;
  }

  Supplier<String> quartzSupplier() {
    return this::quartz;
  }

  /** Five posix fields: minute hour day-of-month month day-of-week. */
  String posix() {
    return String.join(
        " ",
        field(0, 59, List.of(), 2, 1),
        field(0, 23, List.of(), 2, 1),
        oneIn(2) ? "*" : field(1, 31, List.of(), 0, 1),
        oneIn(2) ? "*" : field(1, 12, MONTHS, 1, 1),
        oneIn(2) ? "*" : field(0, 7, DAYS, 0, 1));
  }

  /**
   * Seven Quartz fields: {@code 0} seconds, minute, hour, day-of-month, month, day-of-week (1-7 =
   * SUN-SAT) and sometimes a year; exactly one day field is {@code ?}.
   */
  String quartz() {
    String minute = field(0, 59, List.of(), 2, 1);
    String hour = field(0, 23, List.of(), 2, 1);
    String month = oneIn(2) ? "*" : field(1, 12, MONTHS, 1, 1);
    String dayOfMonth;
    String dayOfWeek;
    if (oneIn(2)) {
      dayOfWeek = "?";
      dayOfMonth =
          switch (random.nextInt(8)) {
            case 0 -> "L";
            case 1 -> "L-" + (1 + random.nextInt(10));
            case 2 -> (1 + random.nextInt(31)) + "W";
            case 3 -> "LW";
            case 4, 5 -> "*";
            default -> field(1, 31, List.of(), 0, 1);
          };
    } else {
      dayOfMonth = "?";
      dayOfWeek =
          switch (random.nextInt(8)) {
            case 0 -> (1 + random.nextInt(7)) + "L";
            case 1 -> (1 + random.nextInt(7)) + "#" + (1 + random.nextInt(5));
            case 2 -> "L";
            case 3, 4 -> "*";
            default -> field(1, 7, DAYS, 0, 1);
          };
    }
    String year =
        switch (random.nextInt(10)) {
          case 0 -> " *";
          case 1 -> " 2026-2040";
          case 2 -> " " + (2026 + random.nextInt(6)) + "," + (2033 + random.nextInt(6));
          case 3 -> " 2026/" + (1 + random.nextInt(4));
          default -> "";
        };
    return String.join(" ", "0", minute, hour, dayOfMonth, month, dayOfWeek) + year;
  }

  /**
   * One field: a list of one to three elements.
   *
   * @param starWeight how often (out of 10) a lone {@code *} or {@code *}/{@code S} is chosen
   * @param maxElements extra elements beyond the first, at most
   */
  String field(int min, int max, List<String> names, int starWeight, int maxElements) {
    if (random.nextInt(10) < starWeight) {
      return oneIn(2) ? "*" : "*/" + step(min, max);
    }
    List<String> elements = new ArrayList<>();
    int count = 1 + random.nextInt(maxElements + 2);
    for (int i = 0; i < count; i++) {
      elements.add(element(min, max, names));
    }
    return String.join(",", elements);
  }

  /** {@code N}, a name, {@code A-B}, {@code *}/{@code S}, {@code A-B/S} or {@code A/S}. */
  String element(int min, int max, List<String> names) {
    int a = value(min, max);
    int b = value(min, max);
    int low = Math.min(a, b);
    int high = Math.max(a, b);
    boolean named = !names.isEmpty() && oneIn(3);
    return switch (random.nextInt(8)) {
      case 0, 1, 2 -> text(a, min, names, named);
      case 3, 4 -> text(low, min, names, named) + "-" + text(high, min, names, named);
      case 5 -> "*/" + step(min, max);
      case 6 ->
          text(low, min, names, named) + "-" + text(high, min, names, named) + "/" + step(min, max);
      default -> a + "/" + step(min, max);
    };
  }

  private int value(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  private int step(int min, int max) {
    return oneIn(3) ? 1 + random.nextInt(max - min + 1) : 1 + random.nextInt(Math.min(7, max));
  }

  boolean oneIn(int n) {
    return random.nextInt(n) == 0;
  }

  private static String text(int value, int min, List<String> names, boolean named) {
    int i = value - min;
    return named && i >= 0 && i < names.size() ? names.get(i) : String.valueOf(value);
  }
}

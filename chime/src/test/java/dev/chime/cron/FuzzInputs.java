package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Inputs for {@link ParserFuzzTest}: valid seeds, traps, random text and mutations. */
final class FuzzInputs {
  private FuzzInputs() {}

  /** Valid expressions to mutate, in every dialect's shape. */
  static final List<String> SEEDS =
      List.of(
          "0 9 * * 1-5",
          "*/15 2-4 1,15 JAN-JUN MON-FRI",
          "H 2 * * *",
          "H(0-29)/10 H/6 * * *",
          "@daily",
          "@every 10m",
          "@every 2h",
          "0 0 29 2 1",
          "5/10 */3 L * ?",
          "0 30 9 ? * MON-FRI",
          "0 0 12 LW * ? 2026-2030",
          "0 0 0 ? * 6#3",
          "0 0 0 L-3 * ?",
          "0 0 0 15W * ?",
          "0 15 10 ? * 6L 2026",
          "cron(0 12 * * ? *)",
          "cron(15 10 ? * 6L 2026-2030)",
          "cron(0/5 8-17 ? * MON-FRI *)",
          "rate(5 minutes)",
          "rate(1 day)");

  /** Text that tends to break parsers: specials, huge numbers, odd characters. */
  static final List<String> TRAPS =
      List.of(
          "*/0",
          "0/0",
          "1-0",
          "-1",
          "1-",
          "-",
          "/",
          "/5",
          "*/",
          "**",
          "1//2",
          "1-2-3",
          ",",
          ",,",
          "1,,2",
          "?",
          "??",
          "L",
          "LW",
          "L-",
          "L-31",
          "L-99",
          "W",
          "0W",
          "32W",
          "#",
          "1#",
          "#1",
          "8#1",
          "1#6",
          "1#0",
          "0L",
          "8L",
          "LL",
          "H",
          "H(",
          "H()",
          "H(5-1)",
          "H(0-99)",
          "H/0",
          "99999999999999999999",
          "2147483648",
          "-2147483648",
          "1e3",
          "0x1F",
          "٣",
          "３",
          "ſun",
          "FRı",
          "MOＮ",
          "\u00a0",
          "\u2003",
          "\u0000",
          "\t",
          "\n",
          "é",
          "😀",
          "cron(",
          ")",
          "rate(",
          "rate(0 minutes)",
          "rate(178956971 days)",
          "rate(-1 hours)",
          "@every 0m",
          "@every 7h",
          "@every 99999999999m",
          "@every 1s",
          "@",
          "@dailyx",
          "JAN-DEC/13",
          "SUN-SAT",
          "FRI-SUN",
          "SUN-SUN",
          "7-0",
          "0-7/8",
          "2099",
          "2200",
          "1969",
          "1970-2199/229");

  static final String ALPHABET = "0123456789*/,-?LWH#()@ \tJANFEBMONSUNlwhxrateyvcon";
  private static final String ODD = "\u00a0\u2003\u0000٣３ſıé😀\n\r";

  static String randomText(Random random, int length) {
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        b.appendCodePoint(randomCodePoint(random));
      } else if (kind == 1) {
        int[] odd = ODD.codePoints().toArray();
        b.appendCodePoint(odd[random.nextInt(odd.length)]);
      } else if (kind == 2) {
        b.append(TRAPS.get(random.nextInt(TRAPS.size())));
      } else {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return b.toString();
  }

  private static int randomCodePoint(Random random) {
    int cp;
    do {
      cp = random.nextInt(0x2FFFF);
    } while (Character.isSurrogate((char) cp) && cp <= 0xFFFF);
    return cp;
  }

  /**
   * One edit: insert, delete or replace characters; swap, drop or duplicate a field; add a trap.
   */
  static String mutate(Random random, String text) {
    if (text.isEmpty()) {
      return TRAPS.get(random.nextInt(TRAPS.size()));
    }
    int at = random.nextInt(text.length());
    String[] fields = text.split(" ");
    return switch (random.nextInt(9)) {
      case 0 ->
          text.substring(0, at)
              + ALPHABET.charAt(random.nextInt(ALPHABET.length()))
              + text.substring(at);
      case 1 -> text.substring(0, at) + text.substring(at + 1);
      case 2 -> {
        char c = text.charAt(at);
        char replacement =
            Character.isDigit(c)
                ? (char) ('0' + random.nextInt(10))
                : ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        yield text.substring(0, at) + replacement + text.substring(at + 1);
      }
      case 3 ->
          text.substring(0, at) + TRAPS.get(random.nextInt(TRAPS.size())) + text.substring(at);
      case 4 -> {
        int i = random.nextInt(fields.length);
        int j = random.nextInt(fields.length);
        String t = fields[i];
        fields[i] = fields[j];
        fields[j] = t;
        yield String.join(" ", fields);
      }
      case 5 -> {
        List<String> list = new ArrayList<>(List.of(fields));
        list.remove(random.nextInt(list.size()));
        yield String.join(" ", list);
      }
      case 6 -> {
        List<String> list = new ArrayList<>(List.of(fields));
        int i = random.nextInt(list.size());
        list.add(i, list.get(i));
        yield String.join(" ", list);
      }
      case 7 -> {
        fields[random.nextInt(fields.length)] = TRAPS.get(random.nextInt(TRAPS.size()));
        yield String.join(" ", fields);
      }
      default -> {
        int i = random.nextInt(fields.length);
        fields[i] = fields[i] + "," + TRAPS.get(random.nextInt(TRAPS.size()));
        yield String.join(" ", fields);
      }
    };
  }
}

package dev.chime.cron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two day fields of a translation. A {@link DayRule} is first reduced to what it means: every
 * day, days of the month only, days of the week only, or both restricted and combined with OR or
 * AND. Each target then has at most one way to say that:
 *
 * <ul>
 *   <li>crontab (posix, iso): OR when neither field starts with {@code *}, AND when one does; so an
 *       AND of two restricted fields needs one written as {@code *}/{@code S}[{@code ,rest}];
 *   <li>Kubernetes (robfig/cron): as posix, but {@code *}/{@code S} counts as restricted, so there
 *       is no AND of two restricted fields;
 *   <li>Quartz and AWS: one field must be {@code ?}, so neither OR nor AND of two restricted
 *       fields.
 * </ul>
 */
final class TranslatorDays {
  private static final long ALL_DOM = 0xFFFF_FFFEL; // bits 1..31
  private static final int ALL_DOW = 0x7f;

  /** English day names, 0 = Sunday. */
  static final List<String> DAY_WORDS =
      List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");

  private enum Kind {
    ALL,
    DAY_OF_MONTH,
    DAY_OF_WEEK,
    OR,
    AND
  }

  private final Dialect source;
  private final Kind kind;
  private final long domBits;
  private final int lastDayOffset;
  private final long nearestWeekdayBits;
  private final boolean lastWeekday;
  private final int dowBits;
  private final int lastDowBits;
  private final long nthDowBits;

  /** Reduces {@code rule}: a full field drops its specials, and {@code 2#1..2#5} is plain 2. */
  TranslatorDays(DayRule rule, Dialect source) {
    this.source = source;
    boolean domAll = (rule.domBits() & ALL_DOM) == ALL_DOM;
    int dows = rule.dowBits();
    long nth = rule.nthDowBits();
    for (int d = 0; d < 7; d++) {
      long everyWeek = 0x1fL << (d * 5);
      if ((nth & everyWeek) == everyWeek) {
        dows |= 1 << d;
      }
    }
    for (int d = 0; d < 7; d++) {
      if ((dows & (1 << d)) != 0) {
        nth &= ~(0x1fL << (d * 5));
      }
    }
    boolean dowAll = dows == ALL_DOW;
    this.domBits = rule.domBits() & ALL_DOM;
    this.lastDayOffset = domAll ? -1 : rule.lastDayOffset();
    this.nearestWeekdayBits = domAll ? 0 : rule.nearestWeekdayBits();
    this.lastWeekday = !domAll && rule.lastWeekday();
    this.dowBits = dows;
    this.lastDowBits = dowAll ? 0 : rule.lastDowBits() & ~dows;
    this.nthDowBits = dowAll ? 0 : nth;
    if (rule.either()) {
      kind = domAll || dowAll ? Kind.ALL : Kind.OR;
    } else if (domAll) {
      kind = dowAll ? Kind.ALL : Kind.DAY_OF_WEEK;
    } else {
      kind = dowAll ? Kind.DAY_OF_MONTH : Kind.AND;
    }
  }

  /** The day-of-month and day-of-week texts for {@code t}, or the reason there are none. */
  String[] render(TranslationTarget t) {
    String any = t.quartzLike ? "?" : "*";
    return switch (kind) {
      case ALL -> new String[] {"*", any};
      case DAY_OF_MONTH -> new String[] {dayOfMonth(t), any};
      case DAY_OF_WEEK -> new String[] {any, dayOfWeek(t)};
      case OR -> either(t);
      case AND -> both(t);
    };
  }

  private String[] either(TranslationTarget t) {
    if (t.quartzLike) {
      throw new TranslationException(
          "the %s OR of day-of-month and day-of-week (fires on %s and on every %s) has no %s form;"
                  .formatted(source.id(), domWords(), dowWords(" and "), t.label)
              + " %s needs ? in one of them".formatted(t.label));
    }
    requirePlain(t);
    return new String[] {
      FieldText.fixed(domValues(), t.dayOfMonth()), FieldText.fixed(dowValues(t), t.dayOfWeek())
    };
  }

  private String[] both(TranslationTarget t) {
    String meaning =
        "the AND of day-of-month and day-of-week (fires on %s when it falls on %s) has no %s form"
            .formatted(domWords(), dowWords(" or "), t.label);
    if (t.quartzLike) {
      throw new TranslationException(meaning + "; " + t.label + " needs ? in one of them");
    }
    if (t == TranslationTarget.KUBERNETES) {
      throw new TranslationException(
          meaning
              + ": Kubernetes reads two restricted day fields as either-or, and only a bare *"
              + " leaves a field unrestricted");
    }
    requirePlain(t);
    String dom = FieldText.starred(domValues(), t.dayOfMonth());
    String dow = FieldText.starred(dowValues(t), t.dayOfWeek());
    if (dom != null && (dow == null || dom.length() <= dow.length())) {
      return new String[] {dom, FieldText.free(dowValues(t), t.dayOfWeek())};
    }
    if (dow != null) {
      return new String[] {FieldText.free(domValues(), t.dayOfMonth()), dow};
    }
    String firstDay = DAY_WORDS.get(t == TranslationTarget.ISO ? 1 : 0);
    throw new TranslationException(
        meaning
            + (": %s reads two restricted day fields as either-or unless one starts with *, and a"
                    + " field starting with * always includes the 1st (day-of-month) or %s"
                    + " (day-of-week)")
                .formatted(t.label, firstDay));
  }

  private String dayOfMonth(TranslationTarget t) {
    if (!t.quartzLike) {
      requirePlain(t);
      return FieldText.free(domValues(), t.dayOfMonth());
    }
    List<String> parts = new ArrayList<>();
    if (domBits != 0) {
      parts.add(FieldText.free(domValues(), t.dayOfMonth()));
    }
    if (lastDayOffset == 0) {
      parts.add("L");
    } else if (lastDayOffset > 0) {
      if (t == TranslationTarget.AWS) {
        throw new TranslationException(
            TranslatorWords.lastDay(lastDayOffset) + " has no AWS form; AWS accepts L but not L-n");
      }
      parts.add("L-" + lastDayOffset);
    }
    for (int day : FieldText.values(nearestWeekdayBits, 1, 31)) {
      parts.add(day + "W");
    }
    if (lastWeekday) {
      parts.add("LW");
    }
    return alone(parts, domBits != 0, t, "day-of-month", "L, L-n, nW and LW");
  }

  private String dayOfWeek(TranslationTarget t) {
    if (!t.quartzLike) {
      requirePlain(t);
      return FieldText.free(dowValues(t), t.dayOfWeek());
    }
    List<String> parts = new ArrayList<>();
    if (dowBits != 0) {
      parts.add(FieldText.free(dowValues(t), t.dayOfWeek()));
    }
    for (int d : FieldText.values(lastDowBits, 0, 6)) {
      parts.add(t.dow(d) + "L");
    }
    for (int bit : FieldText.values(nthDowBits, 0, 34)) {
      parts.add(t.dow(bit / 5) + "#" + (bit % 5 + 1));
    }
    return alone(parts, dowBits != 0, t, "day-of-week", "nL and n#k");
  }

  /**
   * The elements of a Quartz or AWS day field, refused when a special shares the field: Quartz
   * documents L and W as single-day only and rejects nL and # in lists, and AWS allows a single #
   * ("3#1,6#3" is invalid).
   */
  private static String alone(
      List<String> parts, boolean plain, TranslationTarget t, String field, String specials) {
    String text = String.join(",", parts);
    boolean special = parts.size() > (plain ? 1 : 0);
    if (special && parts.size() > 1) {
      throw new TranslationException(
          "%s %s has no %s form: %s accepts %s only alone in %s"
              .formatted(field, text, t.label, t.label, specials, field));
    }
    return text;
  }

  /** Crontab targets have plain days only: names the first special that stands in the way. */
  private void requirePlain(TranslationTarget t) {
    String special = null;
    if (lastDayOffset >= 0) {
      special = TranslatorWords.lastDay(lastDayOffset);
    } else if (lastWeekday) {
      special = "LW (the last weekday of the month)";
    } else if (nearestWeekdayBits != 0) {
      int day = Long.numberOfTrailingZeros(nearestWeekdayBits);
      special = day + "W (the weekday nearest the " + TranslatorWords.ordinal(day) + ")";
    } else if (lastDowBits != 0) {
      int d = Integer.numberOfTrailingZeros(lastDowBits);
      special = (d + 1) + "L (the last " + DAY_WORDS.get(d) + " of the month)";
    } else if (nthDowBits != 0) {
      int bit = Long.numberOfTrailingZeros(nthDowBits);
      int d = bit / 5;
      int k = bit % 5 + 1;
      special =
          "%d#%d (the %s %s of the month)"
              .formatted(d + 1, k, TranslatorWords.nth(k), DAY_WORDS.get(d));
    }
    if (special != null) {
      throw new TranslationException(special + " has no " + t.label + " form");
    }
  }

  private int[] domValues() {
    return FieldText.values(domBits, 1, 31);
  }

  private int[] dowValues(TranslationTarget t) {
    return Arrays.stream(FieldText.values(dowBits, 0, 6)).map(t::dow).sorted().toArray();
  }

  private String domWords() {
    return TranslatorWords.days(domValues());
  }

  private String dowWords(String conjunction) {
    return TranslatorWords.weekdays(FieldText.values(dowBits, 0, 6), conjunction);
  }
}

package dev.chime.cron;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A parsed cron expression: an immutable value that knows the wall times it names, in any of
 * Chime's dialects. Zone-free; {@link #in(ZoneId)} gives its fire times in a zone.
 *
 * <p>Grammar of the default dialect, {@code posix}: five fields separated by white space,
 * <pre>
 *   minute (0-59)  hour (0-23)  day-of-month (1-31)  month (1-12, JAN-DEC)  day-of-week (0-7, SUN-SAT)
 * </pre>
 * each a comma-separated list of {@code *}, {@code N}, {@code A-B}, {@code *}/{@code S},
 * {@code A-B/S}, {@code A/S} (A to the field's maximum in steps of S) or {@code H},
 * {@code H(A-B)}, {@code H/S}; or one of the macros {@code @yearly @annually @monthly @weekly
 * @daily @midnight @hourly}. When both day fields are restricted and neither starts with
 * {@code *}, a day matches when either matches (the Vixie rule). See {@link Dialect} for the
 * others.
 */
public final class CronExpression implements Timing {
  private final String text;
  private final Dialect dialect;
  private final TimePattern pattern;

  private CronExpression(String text, Dialect dialect, TimePattern pattern) {
    this.text = text;
    this.dialect = dialect;
    this.pattern = pattern;
  }

  /** Parses a posix expression. */
  public static CronExpression parse(String text) {
    return parse(text, Dialect.POSIX, "");
  }

  public static CronExpression parse(String text, Dialect dialect) {
    return parse(text, dialect, "");
  }

  /**
   * Parses an expression.
   *
   * @param spreadKey what {@code H} hashes: namespace and schedule name, so that each schedule
   *     gets its own stable minute
   * @throws CronParseException naming the field, column and text at fault, also for an
   *     expression that can never fire
   */
  public static CronExpression parse(String text, Dialect dialect, String spreadKey) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(spreadKey, "spreadKey");
    return new CronExpression(text.strip(), dialect, CronParser.parse(text, dialect, spreadKey));
  }

  @Override
  public String expression() {
    return text;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Whether the minute or hour field starts with {@code *}: such a schedule follows the real
   * clock through daylight-saving changes; one with a fixed time keeps its daily promise.
   */
  public boolean followsClock() {
    return pattern.followsClock();
  }

  /** Whether a day matches when either day field matches (both restricted, posix or iso). */
  public boolean matchesEitherDay() {
    return pattern.days().either();
  }

  @Override
  public FireSchedule in(ZoneId zone, DstGap gap) {
    return new CronFireSchedule(pattern, zone, gap);
  }

  @Override
  public String describe(ZoneId zone) {
    return Words.describe(this, zone);
  }

  /**
   * The same schedule in another dialect, firing at exactly the same instants.
   *
   * @throws TranslationException when the target has no exact form, with the reason
   */
  public String translate(Dialect target) {
    return Translator.translate(this, target);
  }

  /**
   * The schedule as a Kubernetes CronJob's {@code schedule} and {@code timeZone}, firing at
   * exactly the same instants in {@code zone}.
   *
   * @throws TranslationException when Kubernetes would read the expression differently
   */
  public KubernetesSchedule toKubernetes(java.time.ZoneId zone) {
    return new KubernetesSchedule(Translator.toKubernetes(this), zone.getId());
  }

  TimePattern pattern() {
    return pattern;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronExpression other
        && text.equals(other.text)
        && dialect == other.dialect
        && pattern.equals(other.pattern);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, dialect, pattern);
  }

  @Override
  public String toString() {
    return text;
  }
}

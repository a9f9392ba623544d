package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranslatorTest {

  /** Source dialect, source text, then posix, iso, quartz, aws and Kubernetes ("-" = fails). */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # the reference table of dialect gotchas
          posix  | */5 * * * *     | */5 * * * *   | */5 * * * *   | 0 */5 * * * ?       | cron(0/5 * * * ? *)     | */5 * * * *
          posix  | 0 9 * * 1       | 0 9 * * 1     | 0 9 * * 0     | 0 0 9 ? * MON       | cron(0 9 ? * MON *)     | 0 9 * * 1
          posix  | 0 0 1,15 * *    | 0 0 1,15 * *  | 0 0 1,15 * *  | 0 0 0 1,15 * ?      | cron(0 0 1,15 * ? *)    | 0 0 1,15 * *
          quartz | 0 0 0 ? * 2#1   | -             | -             | 0 0 0 ? * 2#1       | cron(0 0 ? * 2#1 *)     | -
          aws    | cron(0 9 ? * MON *) | 0 9 * * 1 | 0 9 * * 0     | 0 0 9 ? * MON       | cron(0 9 ? * MON *)     | 0 9 * * 1
          aws    | cron(0/5 * * * ? *) | */5 * * * * | */5 * * * * | 0 */5 * * * ?       | cron(0/5 * * * ? *)     | */5 * * * *
          # the posix OR rule
          posix  | 0 0 1-7 * 1     | 0 0 1-7 * 1   | 0 0 1-7 * 0   | -                   | -                       | 0 0 1-7 * 1
          posix  | 0 0 1-31 * 1    | 0 0 * * *     | 0 0 * * *     | 0 0 0 * * ?         | cron(0 0 * * ? *)       | 0 0 * * *
          # the AND of two restricted day fields (one starts with *)
          posix  | 0 0 */2 * 1     | 0 0 */2 * 1   | 0 0 */2 * 0   | -                   | -                       | -
          posix  | 0 0 1-7 * */2   | 0 0 1-7 * */2 | 0 0 */31,2-7 * 1,3,5,6 | -          | -                       | -
          iso    | 0 0 1-7 * */3   | 0 0 1-7 * */4,1 | 0 0 1-7 * */3 | -                 | -                       | -
          posix  | 0 0 2-8 * */7   | 0 0 2-8 * */7 | -             | -                   | -                       | -
          # days of one field only
          iso    | 0 9 * * 0-4     | 0 9 * * 1-5   | 0 9 * * 0-4   | 0 0 9 ? * MON-FRI   | cron(0 9 ? * MON-FRI *) | 0 9 * * 1-5
          posix  | 0 0 */2 * *     | 0 0 */2 * *   | 0 0 */2 * *   | 0 0 0 */2 * ?       | cron(0 0 1/2 * ? *)     | 0 0 */2 * *
          posix  | 0 0 * * 7       | 0 0 * * 0     | 0 0 * * 6     | 0 0 0 ? * SUN       | cron(0 0 ? * SUN *)     | 0 0 * * 0
          posix  | 0 0 * * SAT,SUN | 0 0 * * 0,6   | 0 0 * * 5,6   | 0 0 0 ? * SUN,SAT   | cron(0 0 ? * SUN,SAT *) | 0 0 * * 0,6
          posix  | 0 0 1 */3 *     | 0 0 1 */3 *   | 0 0 1 */3 *   | 0 0 0 1 */3 ?       | cron(0 0 1 1/3 ? *)     | 0 0 1 */3 *
          posix  | 30 4 1 JAN,JUL * | 30 4 1 */6 * | 30 4 1 */6 *  | 0 30 4 1 */6 ?      | cron(30 4 1 1,7 ? *)    | 30 4 1 */6 *
          posix  | @weekly         | 0 0 * * 0     | 0 0 * * 6     | 0 0 0 ? * SUN       | cron(0 0 ? * SUN *)     | 0 0 * * 0
          quartz | 0 0 12 ? * L    | 0 12 * * 6    | 0 12 * * 5    | 0 0 12 ? * SAT      | cron(0 12 ? * SAT *)    | 0 12 * * 6
          quartz | 0 0 12 ? * 2#1,2#2,2#3,2#4,2#5 | 0 12 * * 1 | 0 12 * * 0 | 0 0 12 ? * MON | cron(0 12 ? * MON *) | 0 12 * * 1
          # fixed time versus following the clock (SPEC 2.5)
          posix  | 0 */2 * * *     | 0 */2 * * *   | 0 */2 * * *   | 0 0 */2 * * ?       | cron(0 */2 * * ? *)     | 0 */2 * * *
          posix  | 0 0-22/2 * * *  | 0 0-22/2 * * * | 0 0-22/2 * * * | 0 0 0/2 * * ?     | cron(0 0/2 * * ? *)     | 0 0-22/2 * * *
          quartz | 0 0 0/2 * * ?   | 0 0-22/2 * * * | 0 0-22/2 * * * | 0 0 0/2 * * ?     | cron(0 0/2 * * ? *)     | 0 0-22/2 * * *
          posix  | */15 2 * * *    | */15 2 * * *  | */15 2 * * *  | 0 */15 2 * * ?      | cron(*/15 2 * * ? *)    | */15 2 * * *
          posix  | 0,15,30,45 2 * * * | 0-45/15 2 * * * | 0-45/15 2 * * * | 0 0/15 2 * * ?  | cron(0/15 2 * * ? *)    | 0-45/15 2 * * *
          posix  | 5-59/10 1-3 * * * | 5-55/10 1-3 * * * | 5-55/10 1-3 * * * | 0 5/10 1-3 * * ? | cron(5/10 1-3 * * ? *) | 5-55/10 1-3 * * *
          posix  | 0-59 0-23 * * * | 0-59 0-23 * * * | 0-59 0-23 * * * | 0 0-59 0-23 * * ? | cron(0-59 0-23 * * ? *) | 0-59 0-23 * * *
          posix  | * * * * *       | * * * * *     | * * * * *     | 0 * * * * ?         | cron(* * * * ? *)       | * * * * *
          posix  | */60,30 9 * * * | */30 9 * * *  | */30 9 * * *  | 0 */30 9 * * ?      | cron(*/30 9 * * ? *)    | */30 9 * * *
          posix  | */60,20 9 * * * | */60,20 9 * * * | */60,20 9 * * * | -                 | -                       | */60,20 9 * * *
          posix  | 5 */24,3 * * *  | 5 */24,3 * * * | 5 */24,3 * * * | -                 | -                       | 5 */24,3 * * *
          posix  | 0 9-17 * * 1-5  | 0 9-17 * * 1-5 | 0 9-17 * * 0-4 | 0 0 9-17 ? * MON-FRI | cron(0 9-17 ? * MON-FRI *) | 0 9-17 * * 1-5
          # Quartz and AWS specials
          quartz | 0 0 12 L * ?    | -             | -             | 0 0 12 L * ?        | cron(0 12 L * ? *)      | -
          quartz | 0 0 12 L-3 * ?  | -             | -             | 0 0 12 L-3 * ?      | -                       | -
          quartz | 0 0 12 LW * ?   | -             | -             | 0 0 12 LW * ?       | cron(0 12 LW * ? *)     | -
          quartz | 0 0 12 15W * ?  | -             | -             | 0 0 12 15W * ?      | cron(0 12 15W * ? *)    | -
          quartz | 0 0 12 1,15,L * ? | -           | -             | -                   | -                       | -
          quartz | 0 0 12 ? * 6L   | -             | -             | 0 0 12 ? * 6L       | cron(0 12 ? * 6L *)     | -
          quartz | 0 0 12 ? * 2#1,6#3 | -          | -             | -                   | -                       | -
          quartz | 0 0 12 ? * MON,2#1 | 0 12 * * 1 | 0 12 * * 0    | 0 0 12 ? * MON      | cron(0 12 ? * MON *)    | 0 12 * * 1
          # years
          quartz | 0 0 12 * * ? 2026 | -           | -             | 0 0 12 * * ? 2026   | cron(0 12 * * ? 2026)   | -
          quartz | 0 0 12 * * ? 1970-2099 | -      | -             | 0 0 12 * * ? 1970-2099 | cron(0 12 * * ? 1970-2099) | -
          aws    | cron(0 12 * * ? 2030/5) | -      | -             | -                   | cron(0 12 * * ? 2030/5) | -
          aws    | cron(0 12 * * ? 2030-2090/5) | - | -             | 0 0 12 * * ? 2030-2090/5 | cron(0 12 * * ? 2030-2090/5) | -
          """)
  void translatesBetweenEveryPair(
      String dialect,
      String source,
      String posix,
      String iso,
      String quartz,
      String aws,
      String k8s) {
    CronExpression cron = CronExpression.parse(source, Dialect.named(dialect));
    expect(cron, Dialect.POSIX, posix);
    expect(cron, Dialect.ISO, iso);
    expect(cron, Dialect.QUARTZ, quartz);
    expect(cron, Dialect.AWS, aws);
    if (k8s.equals("-")) {
      assertThatThrownBy(() -> cron.toKubernetes(ZoneId.of("UTC")))
          .isInstanceOf(TranslationException.class);
    } else {
      assertThat(cron.toKubernetes(ZoneId.of("UTC")).schedule()).isEqualTo(k8s);
    }
  }

  /** Source dialect, source text, target ("k8s" for Kubernetes) and the exact reason. */
  @ParameterizedTest(name = "{1} to {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          posix  | 0 0 13 * 5            | quartz | the posix OR of day-of-month and day-of-week (fires on the 13th and on every Friday) has no Quartz form; Quartz needs ? in one of them
          posix  | 0 0 1-7 * 1           | aws    | the posix OR of day-of-month and day-of-week (fires on the 1st to 7th and on every Monday) has no AWS form; AWS needs ? in one of them
          iso    | 0 0 1,15 * 0,2,4      | quartz | the iso OR of day-of-month and day-of-week (fires on the 1st and 15th and on every Monday, Wednesday and Friday) has no Quartz form; Quartz needs ? in one of them
          posix  | 0 0 */2 * 1           | quartz | the AND of day-of-month and day-of-week (fires on every 2nd day from the 1st to the 31st when it falls on Monday) has no Quartz form; Quartz needs ? in one of them
          posix  | 0 0 */2 * 1-5         | k8s    | the AND of day-of-month and day-of-week (fires on every 2nd day from the 1st to the 31st when it falls on Monday to Friday) has no Kubernetes form: Kubernetes reads two restricted day fields as either-or, and only a bare * leaves a field unrestricted
          posix  | 0 0 2-8 * */7         | iso    | the AND of day-of-month and day-of-week (fires on the 2nd to 8th when it falls on Sunday) has no iso form: iso reads two restricted day fields as either-or unless one starts with *, and a field starting with * always includes the 1st (day-of-month) or Monday (day-of-week)
          quartz | 0 0 12 L * ?          | posix  | L (the last day of the month) has no posix form
          quartz | 0 0 12 L-3 * ?        | aws    | L-3 (3 days before the last day of the month) has no AWS form; AWS accepts L but not L-n
          quartz | 0 0 12 L-1 * ?        | iso    | L-1 (1 day before the last day of the month) has no iso form
          aws    | cron(0 12 LW * ? *)   | k8s    | LW (the last weekday of the month) has no Kubernetes form
          quartz | 0 0 12 15W * ?        | posix  | 15W (the weekday nearest the 15th) has no posix form
          aws    | cron(0 12 ? * 6L *)   | posix  | 6L (the last Friday of the month) has no posix form
          quartz | 0 0 0 ? * 2#1         | posix  | 2#1 (the first Monday of the month) has no posix form
          quartz | 0 0 12 ? * 2#1,6#3    | aws    | day-of-week 2#1,6#3 has no AWS form: AWS accepts nL and n#k only alone in day-of-week
          quartz | 0 0 12 ? * MON,6L     | quartz | day-of-week MON,6L has no Quartz form: Quartz accepts nL and n#k only alone in day-of-week
          quartz | 0 0 12 1,15,L * ?     | quartz | day-of-month 1,15,L has no Quartz form: Quartz accepts L, L-n, nW and LW only alone in day-of-month
          posix  | */60,20 9 * * *       | quartz | the schedule follows the clock through daylight-saving changes (its minute or hour field starts with *), and no Quartz minute or hour field starting with * gives minutes 0,20 at hours 9; Quartz steps stop at 59 minutes and 23 hours
          quartz | 0 0 12 * * ? 2026     | posix  | the year field (2026) has no posix form; posix schedules repeat every year
          aws    | cron(0 12 * * ? 2026-2030) | k8s | the year field (2026-2030) has no Kubernetes form; Kubernetes schedules repeat every year
          aws    | cron(0 12 * * ? 2090-2110) | quartz | the years after 2099 (2100-2110) have no Quartz form; Quartz's year field ends at 2099
          """)
  void failsWithTheReason(String dialect, String source, String target, String reason) {
    CronExpression cron = CronExpression.parse(source, Dialect.named(dialect));
    if (target.equals("k8s")) {
      assertThatThrownBy(() -> cron.toKubernetes(ZoneId.of("UTC")))
          .isInstanceOf(TranslationException.class)
          .hasMessage(reason);
    } else {
      assertThatThrownBy(() -> cron.translate(Dialect.named(target)))
          .isInstanceOf(TranslationException.class)
          .hasMessage(reason);
    }
  }

  @Test
  void keepsFollowingTheClock_whenTheHourStartsWithStar() {
    CronExpression everyTwoHours = CronExpression.parse("0 */2 * * *");
    assertThat(everyTwoHours.translate(Dialect.QUARTZ)).isEqualTo("0 0 */2 * * ?");
    assertThat(everyTwoHours.translate(Dialect.AWS)).isEqualTo("cron(0 */2 * * ? *)");
    assertThat(CronExpression.parse("0 0 */2 * * ?", Dialect.QUARTZ).followsClock()).isTrue();
  }

  @Test
  void keepsAFixedTime_whenNoFieldStartsWithStar() {
    CronExpression evenHours = CronExpression.parse("0 0-22/2 * * *");
    assertThat(evenHours.followsClock()).isFalse();
    assertThat(evenHours.translate(Dialect.QUARTZ)).isEqualTo("0 0 0/2 * * ?");
    assertThat(CronExpression.parse("0 0 0/2 * * ?", Dialect.QUARTZ).followsClock()).isFalse();
    assertThat(CronExpression.parse("0-59 0-23 * * *").translate(Dialect.AWS))
        .isEqualTo("cron(0-59 0-23 * * ? *)");
  }

  @Test
  void normalisesInItsOwnDialect_resolvingTheSpreadMinute() {
    CronExpression nightly =
        CronExpression.parse("H 2 * * *", Dialect.POSIX, "billing/nightly-sync");
    String posix = nightly.translate(Dialect.POSIX);
    assertThat(posix).matches("\\d{1,2} 2 \\* \\* \\*");
    int minute = Integer.parseInt(posix.split(" ")[0]);
    assertThat(nightly.pattern().minutes()).isEqualTo(1L << minute);
    assertThat(CronExpression.parse("0 0 0 ? * mon-fri", Dialect.QUARTZ).translate(Dialect.QUARTZ))
        .isEqualTo("0 0 0 ? * MON-FRI");
  }

  @Test
  void toKubernetes_carriesTheZone() {
    KubernetesSchedule k8s =
        CronExpression.parse("cron(0 9 ? * MON-FRI *)", Dialect.AWS)
            .toKubernetes(ZoneId.of("America/Denver"));
    assertThat(k8s).isEqualTo(new KubernetesSchedule("0 9 * * 1-5", "America/Denver"));
    assertThat(k8s.yaml()).isEqualTo("schedule: \"0 9 * * 1-5\"\ntimeZone: \"America/Denver\"");
  }

  private static void expect(CronExpression cron, Dialect target, String expected) {
    if (expected.equals("-")) {
      assertThatThrownBy(() -> cron.translate(target))
          .as("%s to %s", cron, target)
          .isInstanceOf(TranslationException.class);
      return;
    }
    String translated = cron.translate(target);
    assertThat(translated).as("%s to %s", cron, target).isEqualTo(expected);
    if (target == Dialect.QUARTZ) {
      assertThat(org.quartz.CronExpression.isValidExpression(translated))
          .as("real Quartz accepts %s", translated)
          .isTrue();
    }
    CronExpression back = CronExpression.parse(translated, target);
    assertThat(sameSchedule(back.pattern(), cron.pattern()))
        .as("%s parsed back", translated)
        .isTrue();
  }

  /** Same values in every field, same daylight-saving class, and the same days in every month. */
  static boolean sameSchedule(TimePattern a, TimePattern b) {
    if (a.minutes() != b.minutes()
        || a.hours() != b.hours()
        || a.months() != b.months()
        || a.followsClock() != b.followsClock()
        || !a.years().equals(b.years())) {
      return false;
    }
    for (int length = 28; length <= 31; length++) {
      for (int firstDow = 0; firstDow < 7; firstDow++) {
        if (a.days().days(length, firstDow) != b.days().days(length, firstDow)) {
          return false;
        }
      }
    }
    return true;
  }
}

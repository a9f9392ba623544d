package dev.chime.api;

import dev.chime.cron.FireTime;
import dev.chime.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A schedule's fires from now for some days: the dashboard's timeline.
 *
 * @param paused a paused schedule lists no fires
 * @param total how many fires fall in the window
 * @param fires the first {@code limit} of them, local and UTC, with what daylight saving did
 * @param truncated whether more fall in the window than {@code fires} lists
 * @param days every date of the window in the schedule's zone with its number of fires, all of
 *     them counted even when {@code fires} stops at its limit
 */
record FireWindow(String namespace, String schedule, String timezone, boolean paused,
    String from, String until, int total, boolean truncated, List<Fires.Fire> fires,
    List<Day> days) {
  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 31;
  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 2000;

  /** A date in the schedule's zone and how many fires fall on it. */
  record Day(String date, int fires) {}

  static FireWindow of(Schedule s, Instant now, int days, int limit) {
    Instant until = now.plus(Duration.ofDays(days));
    List<FireTime> shown = new ArrayList<>();
    Map<LocalDate, Integer> perDay = new TreeMap<>();
    for (LocalDate d = LocalDate.ofInstant(now, s.zone());
        !d.isAfter(LocalDate.ofInstant(until, s.zone())); d = d.plusDays(1)) {
      perDay.put(d, 0);
    }
    int total = 0;
    if (!s.paused()) {
      // Counted to the end: at most a fire a minute, so a month is 44,640 steps of the engine.
      Iterator<FireTime> fires = s.timing().timing(s.namespace(), s.name())
          .in(s.zone(), s.delivery().dstGap()).fireTimes(now)
          .takeWhile(f -> f.instant().isBefore(until)).iterator();
      while (fires.hasNext()) {
        FireTime fire = fires.next();
        if (total++ < limit) {
          shown.add(fire);
        }
        perDay.merge(LocalDate.ofInstant(fire.instant(), s.zone()), 1, Integer::sum);
      }
    }
    return new FireWindow(s.namespace(), s.name(), s.zone().getId(), s.paused(),
        ScheduleJson.instant(now), ScheduleJson.instant(until), total, total > shown.size(),
        Fires.of(shown), perDay.entrySet().stream()
            .map(e -> new Day(e.getKey().toString(), e.getValue())).toList());
  }
}

package dev.chime.api;

import dev.chime.cron.FireTime;
import dev.chime.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A schedule's fires from now for some days: the dashboard's timeline.
 *
 * @param paused a paused schedule lists no fires
 * @param total how many fires fall in the window
 * @param fires the first {@code limit} of them, local and UTC, with what daylight saving did
 * @param truncated whether more fall in the window than {@code fires} lists
 */
record FireWindow(String namespace, String schedule, String timezone, boolean paused,
    String from, String until, int total, boolean truncated, List<Fires.Fire> fires) {
  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 31;
  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 2000;

  static FireWindow of(Schedule s, Instant now, int days, int limit) {
    Instant until = now.plus(Duration.ofDays(days));
    List<FireTime> shown = new ArrayList<>();
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
      }
    }
    return new FireWindow(s.namespace(), s.name(), s.zone().getId(), s.paused(),
        ScheduleJson.instant(now), ScheduleJson.instant(until), total, total > shown.size(),
        Fires.of(shown));
  }
}

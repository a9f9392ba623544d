package dev.chime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chime.cron.FireTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Fire times as JSON: local with offset, UTC, and what daylight saving did to them. */
final class Fires {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
  private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private Fires() {}

  /**
   * One fire.
   *
   * @param local in the schedule's zone with its offset, seconds always present
   * @param dst {@code shifted} (moved past a gap), {@code skipped} (recorded, not sent) or
   *     {@code repeated} (a wall time that occurs twice that day); absent otherwise
   * @param note the same in words
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Fire(String local, String utc, String dst, String note) {}

  static List<Fire> of(List<FireTime> fires) {
    return fires.stream().map(Fires::of).toList();
  }

  static Fire of(FireTime fire) {
    String local = LOCAL.format(fire.time());
    String utc = UTC.format(fire.instant().atOffset(ZoneOffset.UTC));
    String zone = fire.zone().getId();
    String wanted = WALL.format(fire.scheduled());
    return switch (fire.adjustment()) {
      case SHIFTED -> new Fire(local, utc, "shifted", wanted + " does not exist in " + zone
          + " that day; runs at " + WALL.format(fire.time()));
      case SKIPPED -> new Fire(local, utc, "skipped", wanted + " does not exist in " + zone
          + " that day; skipped (dstGap: skip)");
      case NONE -> repeated(fire, local, utc);
    };
  }

  private static Fire repeated(FireTime fire, String local, String utc) {
    LocalDateTime wall = fire.time().toLocalDateTime();
    List<ZoneOffset> offsets = fire.zone().getRules().getValidOffsets(wall);
    if (offsets.size() < 2) {
      return new Fire(local, utc, null, null);
    }
    boolean first = fire.time().getOffset().equals(offsets.get(0));
    return new Fire(local, utc, "repeated", WALL.format(wall) + " occurs twice in "
        + fire.zone().getId() + " as clocks fall back; this is the "
        + (first ? "first" : "second") + " time");
  }
}

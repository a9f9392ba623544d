package dev.chime.catalog;

import dev.chime.cron.FireTime;
import dev.chime.schedule.Schedule;
import dev.chime.store.StoredSchedule;
import dev.chime.store.StoredSchedule.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code apply} does to a namespace to make it match a catalog file (SPEC §5), found by
 * comparing the file's schedules with the stored ones, as {@code terraform plan} compares
 * configuration with state. Ownership decides what may go: a schedule remembers whether it was
 * last written by the API or by a catalog file; a file takes over the schedules it names, but
 * deletes (with prune) only those a catalog wrote and it no longer declares. {@code paused} is
 * compared only when the file sets it.
 *
 * @param creates in file order
 * @param changes in file order
 * @param deletes names: schedules a catalog wrote that the file no longer declares, with prune
 * @param unmanaged names: schedules made through the API that the file does not declare; they
 *     are the API's, and left alone
 * @param prunable names: schedules a catalog wrote that the file no longer declares, kept
 *     because prune was not asked for
 * @param keptPaused names: paused schedules that stay paused because the file does not set
 *     {@code paused}
 * @param unchanged how many of the file's schedules match already
 */
public record Plan(
    String namespace,
    String file,
    List<Create> creates,
    List<Change> changes,
    List<String> deletes,
    List<String> unmanaged,
    List<String> prunable,
    List<String> keptPaused,
    int unchanged) {

  /** How many fires before and after a timing change are shown. */
  public static final int SHOWN_FIRES = 3;

  public Plan {
    creates = List.copyOf(creates);
    changes = List.copyOf(changes);
    deletes = List.copyOf(deletes);
    unmanaged = List.copyOf(unmanaged);
    prunable = List.copyOf(prunable);
    keptPaused = List.copyOf(keptPaused);
  }

  /** A field of a new schedule, its value as JSON shows it (text, number, boolean, list, null). */
  public record Field(String name, Object value) {}

  /** A field that changes, from {@code before} to {@code after}; values as in {@link Field}. */
  public record FieldChange(String field, Object before, Object after) {}

  /**
   * A schedule the file declares and the namespace lacks.
   *
   * @param explanation when it fires, in words that name the zone
   * @param fields its timing and endpoint, then the options that are not the defaults
   */
  public record Create(Schedule schedule, String explanation, List<Field> fields) {
    public Create {
      fields = List.copyOf(fields);
    }
  }

  /**
   * A stored schedule the file declares otherwise, or that the API made and the file adopts
   * (field {@code source}, {@code api} → {@code catalog}).
   *
   * @param firesBefore the next fires as stored, when the timing or {@code paused} changes;
   *     else empty (also while paused)
   * @param firesAfter the next fires as the file has it, likewise
   */
  public record Change(StoredSchedule before, Schedule after, List<FieldChange> fields,
      List<FireTime> firesBefore, List<FireTime> firesAfter) {
    public Change {
      fields = List.copyOf(fields);
      firesBefore = List.copyOf(firesBefore);
      firesAfter = List.copyOf(firesAfter);
    }

    public String name() {
      return after.name();
    }

    /** Whether a field that decides when it fires changes: the timing, or paused. */
    public boolean firesChange() {
      return fields.stream().anyMatch(f -> ScheduleFields.FIRES.contains(f.field()));
    }
  }

  /**
   * The plan for {@code desired} over the namespace's {@code current} schedules.
   *
   * @param prune whether schedules a catalog wrote and the file no longer declares are deleted
   * @param now fires shown are those after it
   */
  public static Plan of(DesiredState desired, List<StoredSchedule> current, boolean prune,
      Instant now) {
    List<Create> creates = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<String> keptPaused = new ArrayList<>();
    int unchanged = 0;
    Set<String> declared = new HashSet<>();
    for (DesiredState.Declared wanted : desired.schedules()) {
      String name = wanted.schedule().name();
      declared.add(name);
      StoredSchedule stored = find(current, name);
      if (stored == null) {
        creates.add(create(wanted.schedule()));
        continue;
      }
      Schedule after = wanted.schedule();
      if (!wanted.setsPaused()) {
        after = after.withPaused(stored.schedule().paused());
        if (after.paused()) {
          keptPaused.add(name);
        }
      }
      Change change = change(stored, after, now);
      if (change.fields().isEmpty()) {
        unchanged++;
      } else {
        changes.add(change);
      }
    }
    List<String> deletes = new ArrayList<>();
    List<String> unmanaged = new ArrayList<>();
    List<String> prunable = new ArrayList<>();
    current.stream()
        .filter(s -> !declared.contains(s.schedule().name()))
        .sorted(Comparator.comparing(s -> s.schedule().name()))
        .forEach(s -> (s.source() != Source.CATALOG ? unmanaged : prune ? deletes : prunable)
            .add(s.schedule().name()));
    return new Plan(desired.namespace(), desired.file(), creates, changes, deletes, unmanaged,
        prunable, keptPaused, unchanged);
  }

  /** Whether applying it writes anything. */
  public boolean hasChanges() {
    return !creates.isEmpty() || !changes.isEmpty() || !deletes.isEmpty();
  }

  /** How many schedules the file declares. */
  public int declared() {
    return creates.size() + changes.size() + unchanged;
  }

  /** The plan as {@code chime apply} prints it, in the manner of {@code terraform plan}. */
  public String text() {
    return PlanText.render(this);
  }

  private static StoredSchedule find(List<StoredSchedule> current, String name) {
    return current.stream().filter(s -> s.schedule().name().equals(name)).findFirst()
        .orElse(null);
  }

  private static Create create(Schedule schedule) {
    return new Create(schedule, explanation(schedule), ScheduleFields.declared(schedule));
  }

  private static Change change(StoredSchedule stored, Schedule after, Instant now) {
    List<FieldChange> fields = new ArrayList<>(ScheduleFields.differences(stored.schedule(),
        after));
    if (stored.source() != Source.CATALOG) {
      fields.add(new FieldChange("source", stored.source().id(), Source.CATALOG.id()));
    }
    Change change = new Change(stored, after, fields, List.of(), List.of());
    if (!change.firesChange()) {
      return change;
    }
    return new Change(stored, after, fields, fires(stored.schedule(), now), fires(after, now));
  }

  /** The next fires; none while paused, since a paused schedule does not fire. */
  private static List<FireTime> fires(Schedule schedule, Instant now) {
    if (schedule.paused()) {
      return List.of();
    }
    return schedule.timing().timing(schedule.namespace(), schedule.name())
        .in(schedule.zone(), schedule.delivery().dstGap())
        .fireTimes(now).limit(SHOWN_FIRES).toList();
  }

  private static String explanation(Schedule schedule) {
    return schedule.timing().timing(schedule.namespace(), schedule.name())
        .describe(schedule.zone());
  }
}

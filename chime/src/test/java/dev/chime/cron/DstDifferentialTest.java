package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * In zones with daylight saving, Chime (cronie's model, SPEC §2.5) and its peers disagree by
 * design, but only next to a transition: elsewhere the same expression must give the same fires.
 * Each test starts shortly before real transitions of several zones and checks that every fire one
 * side has and the other lacks lies within a day of the transition. How each peer differs is pinned
 * down in {@link PeerSemanticsTest}.
 */
class DstDifferentialTest {
  private static final int EXPRESSIONS_PER_TRANSITION = 60;
  private static final int FIRES = 12;

  /** Spring skips the whole local day when its midnight is in the gap (America/Santiago). */
  private static final Duration NEAR = Duration.ofHours(24);

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("America/New_York"),
          ZoneId.of("Europe/Stockholm"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("America/Santiago"));
  private static final List<String> HOURS =
      List.of("0", "1", "2", "3", "1,2", "0-3", "1-2/1", "22-23", "*", "*/2", "*/3");

  interface Peer {
    List<Instant> fires(String expression, ZoneId zone, Instant from, int n);
  }

  interface Adapter {
    PeerForms forms(String posix, CronExpression parsed);
  }

  @Test
  void spring_differsOnlyNextToTransitions() {
    String differing = compare(11, PeerForms::spring, PeerSchedules::spring);
    System.out.println("Spring: expressions differing next to a transition: " + differing);
  }

  @Test
  void cronUtilsUnix_differsOnlyNextToTransitions() {
    String differing = compare(12, PeerForms::cronUtilsUnix, PeerSchedules::cronUtilsUnix);
    System.out.println(
        "cron-utils (UNIX): expressions differing next to a transition: " + differing);
  }

  @Test
  void jobRunr_differsOnlyNextToTransitions() {
    String differing = compare(13, (e, parsed) -> PeerForms.jobRunr(e), PeerSchedules::jobRunr);
    System.out.println("JobRunr: expressions differing next to a transition: " + differing);
  }

  @Test
  void quartz_differsOnlyNextToTransitions() {
    String differing =
        compare(
            14,
            (e, parsed) -> {
              String[] f = e.split(" ");
              return f[4].equals("*")
                  ? PeerForms.quartz("0 " + f[0] + " " + f[1] + " * " + f[3] + " ?")
                  : PeerForms.none("compared with a day of week in DifferentialTest only");
            },
            PeerSchedules::quartz);
    System.out.println("Quartz: expressions differing next to a transition: " + differing);
  }

  /**
   * Compares around every transition of every zone in 2026-2027; returns "differing of compared".
   */
  private static String compare(long seed, Adapter adapter, Peer peer) {
    RandomCron cron = new RandomCron(seed);
    Random random = cron.random();
    List<String> farFromTransitions = new ArrayList<>();
    int differing = 0;
    int compared = 0;
    for (ZoneId zone : ZONES) {
      for (ZoneOffsetTransition t : transitions(zone)) {
        for (int i = 0; i < EXPRESSIONS_PER_TRANSITION; i++) {
          String minute = cron.field(0, 59, List.of(), 3, 1);
          String hour = HOURS.get(random.nextInt(HOURS.size()));
          String expression = minute + " " + hour + " * * *";
          if (random.nextInt(4) == 0) {
            expression = minute + " " + hour + " * * " + cron.field(0, 7, RandomCron.DAYS, 3, 1);
          }
          CronExpression parsed = CronExpression.parse(expression);
          PeerForms forms = adapter.forms(expression, parsed);
          if (forms.forms().isEmpty()) {
            continue;
          }
          Instant from = t.getInstant().minus(Duration.ofMinutes(random.nextInt(180)));
          List<Instant> ours = PeerSchedules.chime(expression, Dialect.POSIX, zone, from, FIRES);
          List<Instant> theirs = new ArrayList<>();
          try {
            for (String form : forms.forms()) {
              theirs.addAll(peer.fires(form, zone, from, FIRES));
            }
          } catch (RuntimeException rejected) {
            continue; // a step the peer does not accept; DifferentialTest accounts for those
          }
          theirs = theirs.stream().distinct().sorted().limit(FIRES).toList();
          compared++;
          List<Instant> onlyOneSide = symmetricDifference(ours, theirs);
          if (!onlyOneSide.isEmpty()) {
            differing++;
          }
          for (Instant instant : onlyOneSide) {
            if (Duration.between(t.getInstant(), instant).abs().compareTo(NEAR) > 0) {
              farFromTransitions.add(
                  expression
                      + " in "
                      + zone
                      + " from "
                      + from
                      + ": "
                      + instant
                      + "\n    chime "
                      + ours
                      + "\n    peer  "
                      + theirs);
              break;
            }
          }
        }
      }
    }
    assertThat(farFromTransitions).as("fires that differ away from any transition").isEmpty();
    return differing + " of " + compared;
  }

  /** Instants in one list but not the other, up to the end of the shorter list. */
  private static List<Instant> symmetricDifference(List<Instant> a, List<Instant> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? b : a;
    }
    Instant end =
        a.get(a.size() - 1).isBefore(b.get(b.size() - 1))
            ? a.get(a.size() - 1)
            : b.get(b.size() - 1);
    TreeSet<Instant> only = new TreeSet<>();
    for (Instant i : a) {
      if (!b.contains(i) && !i.isAfter(end)) {
        only.add(i);
      }
    }
    for (Instant i : b) {
      if (!a.contains(i) && !i.isAfter(end)) {
        only.add(i);
      }
    }
    return new ArrayList<>(only);
  }

  private static List<ZoneOffsetTransition> transitions(ZoneId zone) {
    List<ZoneOffsetTransition> all = new ArrayList<>();
    Instant end = Instant.parse("2028-01-01T00:00:00Z");
    for (ZoneOffsetTransition t =
            zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        t != null && t.getInstant().isBefore(end);
        t = zone.getRules().nextTransition(t.getInstant())) {
      all.add(t);
    }
    return all;
  }
}

package dev.chime.bench.replicas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from {@code /proc} (Linux): of a process by its threads, and of every PostgreSQL
 * server process. Elsewhere the numbers are empty. Ticks are USER_HZ, a hundredth of a second.
 */
final class ProcCpu {
  private static final double TICKS_PER_SECOND = 100;

  private ProcCpu() {}

  /** CPU ticks (user and system) of each thread of {@code pid}, by thread group name. */
  static Map<String, Long> threads(long pid) {
    Map<String, Long> byGroup = new HashMap<>();
    Path tasks = Path.of("/proc/" + pid + "/task");
    if (!Files.isDirectory(tasks)) {
      return byGroup;
    }
    try (Stream<Path> list = Files.list(tasks)) {
      for (Path task : list.toList()) {
        Stat stat = stat(task.resolve("stat"));
        if (stat != null) {
          String group = stat.name().replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-")
              .strip();
          byGroup.merge(group, stat.ticks(), Long::sum);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    return byGroup;
  }

  /** CPU ticks of every process named {@code postgres} (the server and its backends). */
  static long postgres() {
    long ticks = 0;
    try (Stream<Path> list = Files.list(Path.of("/proc"))) {
      for (Path process : list.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        Stat stat = stat(process.resolve("stat"));
        if (stat != null && stat.name().equals("postgres")) {
          ticks += stat.ticks();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return ticks;
  }

  /** The groups that grew most between two snapshots, as {@code name 1.23 s}. */
  static String busiest(Map<String, Long> before, Map<String, Long> after, int top) {
    List<Map.Entry<String, Long>> grown = new ArrayList<>();
    after.forEach((group, ticks) ->
        grown.add(Map.entry(group, ticks - before.getOrDefault(group, 0L))));
    grown.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, Long> group : grown.subList(0, Math.min(top, grown.size()))) {
      line.append(line.isEmpty() ? "" : ", ").append(group.getKey()).append(' ')
          .append(seconds(group.getValue())).append(" s");
    }
    return line.toString();
  }

  static long total(Map<String, Long> threads) {
    return threads.values().stream().mapToLong(Long::longValue).sum();
  }

  static String seconds(long ticks) {
    return String.format(Locale.ROOT, "%.2f", ticks / TICKS_PER_SECOND);
  }

  private record Stat(String name, long ticks) {}

  private static Stat stat(Path file) {
    try {
      String stat = Files.readString(file);
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String[] fields = stat.substring(close + 2).split(" ");
      // After "(comm) ", field 0 is the state; utime and stime are fields 11 and 12.
      return new Stat(stat.substring(open + 1, close),
          Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (IOException | RuntimeException e) {
      return null; // ended meanwhile
    }
  }
}

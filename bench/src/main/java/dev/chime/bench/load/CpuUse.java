package dev.chime.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went during a measurement: the process's CPU time beside the wall time, and the
 * threads that used most, from {@code /proc/self/task} (Linux), so that the JVM's own threads
 * (garbage collection, the JIT compilers) count too. Threads are grouped by name without their
 * number; virtual threads show as their carriers ({@code ForkJoinPool-1-worker}). Elsewhere than
 * Linux only the process total is shown.
 */
final class CpuUse {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final Map<String, Long> startTicks;
  private final long startProcessCpu = processCpu();
  private final long startWall = System.nanoTime();

  private CpuUse() {
    startTicks = ticksByThread();
  }

  static CpuUse start() {
    return new CpuUse();
  }

  /** One line: wall, process CPU, cores used, and the busiest thread groups. */
  String report(int top) {
    long wall = System.nanoTime() - startWall;
    long process = processCpu() - startProcessCpu;
    Map<String, Long> byGroup = new HashMap<>();
    ticksByThread().forEach((thread, ticks) -> {
      String name = thread.substring(thread.indexOf(' ') + 1);
      String group = name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-").strip();
      byGroup.merge(group, ticks - startTicks.getOrDefault(thread, 0L), Long::sum);
    });
    List<Map.Entry<String, Long>> busiest = new ArrayList<>(byGroup.entrySet());
    busiest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "wall %.2f s, process CPU %.2f s (%.1f cores)", wall / 1e9, process / 1e9,
        (double) process / wall));
    if (!busiest.isEmpty()) {
      line.append("; busiest threads:");
      for (Map.Entry<String, Long> group : busiest.subList(0, Math.min(top, busiest.size()))) {
        line.append(String.format(Locale.ROOT, " %s %.2f s,", group.getKey(),
            group.getValue() / TICKS_PER_SECOND));
      }
      line.setLength(line.length() - 1);
    }
    return line.toString();
  }

  /** CPU ticks (user and system) by "tid name", or nothing where /proc is missing. */
  private static Map<String, Long> ticksByThread() {
    Map<String, Long> ticks = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return ticks;
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String[] fields = stat.substring(close + 2).split(" ");
          // After "(comm) ", field 0 is the state; utime and stime are fields 11 and 12.
          long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          ticks.put(task.getFileName() + " " + stat.substring(open + 1, close), used);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      // no per-thread numbers
    }
    return ticks;
  }

  private static long processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}

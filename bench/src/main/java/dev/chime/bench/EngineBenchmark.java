package dev.chime.bench;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Chime's cron engine beside Spring, cron-utils, Quartz and JobRunr: parsing an expression, and
 * finding the next fire after a start instant, for the same posix expressions in two zones.
 *
 * <p>Each library runs in its own fork and is driven through its own API ({@link CronEngine});
 * syntax rewriting and input conversion happen in setup. Not every library computes the same
 * fires for every expression (posix OR of the day fields, daylight-saving gaps and overlaps):
 * {@link PeerSyntax} lists the differences, and {@link EngineAgreement} prints them. A library
 * that searches for different fires does different work, so read those cells with their note.
 *
 * <p>Run with {@code bench/run-engine-bench}; turn the JSON into tables with {@link JmhTable}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineBenchmark {

  @Param({"chime", "spring", "cron-utils", "quartz", "jobrunr"})
  String library;

  @Param({
    "*/15 * * * *",
    "0 2 * * *",
    "0 9 * * 1-5",
    "0 0 1 * *",
    "30 2 * * 6",
    "0 0 29 2 *",
    "0 0 13 * 5"
  })
  String expression;

  @Param({"UTC", "America/Denver"})
  String zone;

  /** {@code rotating} or {@code fixed}: see {@link StartInstants}. */
  @Param({"rotating"})
  String starts;

  private CronEngine engine;
  private int mask;
  private int cursor;

  @Setup
  public void setUp() {
    var instants = StartInstants.named(starts);
    engine = CronEngine.of(library, expression, ZoneId.of(zone), instants);
    mask = instants.length - 1;
  }

  @Benchmark
  public Object parse() {
    return engine.parse();
  }

  @Benchmark
  public Object nextFire() {
    return engine.next(cursor++ & mask);
  }
}

package dev.chime.bench.replicas;

import dev.chime.app.ServeClock;
import dev.chime.cli.Main;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;

/**
 * One replica of the benchmark: {@code chime serve} as operators run it, on the database-
 * corrected clock plus the harness's shift ({@code --shift-file FILE} before the command).
 */
public final class ReplicaProcess {
  private ReplicaProcess() {}

  public static void main(String[] args) {
    if (args.length < 2 || !args[0].equals("--shift-file")) {
      System.err.println("usage: ReplicaProcess --shift-file FILE serve [option]...");
      System.exit(2);
    }
    SharedShift shift = new SharedShift(Path.of(args[1]));
    ServeClock clock = new ServeClock(InstantSource.system(), shift::over);
    System.exit(Main.run(Arrays.copyOfRange(args, 2, args.length),
        new PrintWriter(System.out, true), new PrintWriter(System.err, true), clock));
  }
}

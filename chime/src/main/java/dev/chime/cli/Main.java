package dev.chime.cli;

import dev.chime.app.ServeClock;
import java.io.PrintWriter;
import java.time.InstantSource;

/** Entry point of {@code bin/chime} and {@code java -jar chime.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err, InstantSource.system()));
  }

  /** Runs one command and returns its exit status: 0 ok, 1 invalid input, 2 usage error. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InstantSource clock) {
    return ChimeCommand.commandLine(clock, out, err).execute(args);
  }

  /** The same, with {@code serve} on a clock a test shapes (see {@link ServeClock}). */
  public static int run(String[] args, PrintWriter out, PrintWriter err, ServeClock clock) {
    return ChimeCommand.commandLine(clock, out, err, System.getenv()).execute(args);
  }
}

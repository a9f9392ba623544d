package dev.chime.app;

import dev.chime.cli.Main;
import dev.chime.testing.SimulatedTime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code chime} as a replica under test runs it: the same command line, on a clock the test
 * shapes. Options before the command:
 *
 * <ul>
 *   <li>{@code --simulated-time FILE}: Chime runs on the (database-corrected) clock plus the
 *       shift the test keeps in FILE ({@link SimulatedTime}), the same for every replica;
 *   <li>{@code --skew-ms N}: this machine's clock reads N ms off (negative: behind), as a
 *       machine without time synchronisation would; the database's offset corrects it.
 * </ul>
 */
public final class ReplicaMain {
  private ReplicaMain() {}

  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    InstantSource local = InstantSource.system();
    UnaryOperator<InstantSource> view = UnaryOperator.identity();
    while (!rest.isEmpty() && rest.getFirst().startsWith("--")) {
      String option = rest.removeFirst();
      String value = rest.removeFirst();
      switch (option) {
        case "--simulated-time" -> {
          SimulatedTime time = SimulatedTime.following(Path.of(value));
          view = time::over;
        }
        case "--skew-ms" -> local = InstantSource.offset(InstantSource.system(),
            Duration.ofMillis(Long.parseLong(value)));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(Main.run(rest.toArray(String[]::new), out, err, new ServeClock(local, view)));
  }
}

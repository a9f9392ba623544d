package dev.chime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Simulated time shared by processes: the real clock plus a shift kept in a file, which the test
 * moves forward and every replica follows within a few milliseconds. Between jumps the clock
 * runs as fast as the real one, so leases, timeouts and lateness are real durations; a jump
 * makes the next fire minute arrive now instead of in a minute.
 */
public final class SimulatedTime {
  private static final long FOLLOW_EVERY_MS = 5;

  private final Path file;

  private SimulatedTime(Path file) {
    this.file = file;
  }

  /** A new shared time in {@code folder}, starting as the real time. */
  public static SimulatedTime in(Path folder) {
    SimulatedTime time = new SimulatedTime(folder.resolve("clock-shift-ms"));
    time.write(Duration.ZERO);
    return time;
  }

  /** The shared time whose shift is kept in {@code file}. */
  public static SimulatedTime following(Path file) {
    return new SimulatedTime(file);
  }

  public Path file() {
    return file;
  }

  /** Now, in simulated time, on this machine's clock. */
  public Instant now() {
    return Instant.now().plus(shift());
  }

  /** Moves every follower's clock forward so that it reads {@code target} now; never back. */
  public void jumpTo(Instant target) {
    Duration by = Duration.between(now(), target);
    if (by.isNegative()) {
      throw new IllegalStateException("simulated time is past " + target + " already");
    }
    write(shift().plus(by));
  }

  /** Moves every follower's clock forward by {@code by}. */
  public void jumpBy(Duration by) {
    write(shift().plus(by));
  }

  /**
   * {@code base} plus the shift, re-read from the file by a daemon thread every few
   * milliseconds: what a replica runs on.
   */
  public InstantSource over(InstantSource base) {
    Follower follower = new Follower(base, shift());
    Thread.ofPlatform().daemon().name("simulated-time").start(() -> {
      while (true) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FOLLOW_EVERY_MS));
        try {
          follower.shiftNanos = shift().toNanos();
        } catch (UncheckedIOException e) {
          // a jump being written: read it next time
        }
      }
    });
    return follower;
  }

  public Duration shift() {
    try {
      return Duration.ofMillis(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8)
          .strip()));
    } catch (IOException | NumberFormatException e) {
      throw new UncheckedIOException(new IOException("cannot read the shift in " + file, e));
    }
  }

  private void write(Duration shift) {
    try {
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.writeString(next, Long.toString(shift.toMillis()), StandardCharsets.UTF_8);
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Follower implements InstantSource {
    private final InstantSource base;
    private volatile long shiftNanos;

    Follower(InstantSource base, Duration shift) {
      this.base = base;
      this.shiftNanos = shift.toNanos();
    }

    @Override
    public Instant instant() {
      return base.instant().plusNanos(shiftNanos);
    }
  }
}

package dev.chime.bench.replicas;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The harness's simulated time, shared with the replica processes: the (database-corrected)
 * clock plus a shift kept in a file. The harness moves it forward to just before a burst
 * minute; the replicas re-read it every few milliseconds. Between jumps it runs at the real
 * rate, so every duration measured is real time.
 */
final class SharedShift {
  private final Path file;

  SharedShift(Path file) {
    this.file = file;
  }

  Instant now() {
    return Instant.now().plus(read());
  }

  /** Moves the shared time forward so that it reads {@code target} now. */
  void jumpTo(Instant target) {
    Duration by = Duration.between(now(), target);
    if (by.isNegative()) {
      throw new IllegalStateException("simulated time is past " + target + " already");
    }
    write(read().plus(by));
  }

  void write(Duration shift) {
    try {
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.writeString(next, Long.toString(shift.toNanos()), StandardCharsets.UTF_8);
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Duration read() {
    try {
      return Duration.ofNanos(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8)
          .strip()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code base} plus the shift, which a daemon thread re-reads every 5 ms. */
  InstantSource over(InstantSource base) {
    AtomicLong shift = new AtomicLong(read().toNanos());
    Thread.ofPlatform().daemon().name("shared-shift").start(() -> {
      while (true) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        try {
          shift.set(read().toNanos());
        } catch (UncheckedIOException | NumberFormatException e) {
          // being replaced: read it next time
        }
      }
    });
    return new InstantSource() {
      @Override
      public Instant instant() {
        return base.instant().plusNanos(shift.get());
      }
    };
  }
}

package dev.chime.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand, so a simulated year runs in seconds. Thread-safe. */
public final class FakeClock implements InstantSource {
  private volatile Instant now;

  public FakeClock(Instant start) {
    this.now = start;
  }

  public static FakeClock at(String instant) {
    return new FakeClock(Instant.parse(instant));
  }

  @Override
  public Instant instant() {
    return now;
  }

  public synchronized Instant advance(Duration by) {
    now = now.plus(by);
    return now;
  }

  public synchronized void set(Instant instant) {
    now = instant;
  }
}

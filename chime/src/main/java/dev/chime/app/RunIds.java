package dev.chime.app;

import java.time.InstantSource;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Run ids that sort by creation time: 48 bits of milliseconds then 80 random bits, in the
 * layout of a version-7 UUID, so ids are unique across replicas without coordination and
 * cursors over them follow time.
 */
final class RunIds implements Supplier<String> {
  private final InstantSource clock;
  private final RandomGenerator random;

  RunIds(InstantSource clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  @Override
  public String get() {
    long millis = clock.millis();
    long high = (millis << 16) | 0x7000 | (random.nextInt() & 0x0fff);
    long low = (random.nextLong() & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
    String hex = HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }
}

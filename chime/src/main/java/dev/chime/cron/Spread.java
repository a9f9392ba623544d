package dev.chime.cron;

import java.nio.charset.StandardCharsets;

/**
 * The stable hash behind {@code H} (SPEC §2.4): the same key always picks the same values, and
 * different keys spread over the field. The hash is part of Chime's contract; changing it would
 * move every spread schedule, so it is FNV-1a over the key's UTF-8 bytes, mixed per field.
 */
final class Spread {
  private final long seed;

  Spread(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    this.seed = h;
  }

  /** A value in [0, bound) for a field, the same for the same key and field. */
  int pick(Field field, int bound) {
    long z = seed + 0x9e3779b97f4a7c15L * (field.ordinal() + 1);
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    z ^= z >>> 31;
    return (int) Math.floorMod(z, (long) bound);
  }
}

package dev.chime.delivery;

import dev.chime.schedule.Attempt;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The first {@link Attempt#EXCERPT_BYTES} of one attempt's response body, filled while it
 * arrives: the attempt keeps it, and {@link LiveLogs} shows it to readers meanwhile. Bytes past
 * the limit are counted, not kept. Thread-safe; waiters are completed outside the lock.
 */
final class Excerpt {
  private final String runId;
  private final int attempt;
  private byte[] bytes = new byte[0];
  private int kept;
  private long received;
  private boolean finished;
  private final List<Waiter> waiters = new ArrayList<>();

  private record Waiter(long afterBytes, CompletableFuture<LiveLogs.LiveLog> future) {}

  Excerpt(String runId, int attempt) {
    this.runId = runId;
    this.attempt = attempt;
  }

  String runId() {
    return runId;
  }

  void append(ByteBuffer chunk) {
    List<Waiter> ready;
    LiveLogs.LiveLog now;
    synchronized (this) {
      int length = chunk.remaining();
      int room = Attempt.EXCERPT_BYTES - kept;
      int take = Math.min(room, length);
      if (take > 0) {
        // Grow by doubling up to the limit: most bodies are a few bytes, so few pay 64 KiB.
        if (kept + take > bytes.length) {
          int size = Math.max(kept + take, Math.min(Attempt.EXCERPT_BYTES, bytes.length * 2));
          bytes = Arrays.copyOf(bytes, size);
        }
        chunk.get(bytes, kept, take);
        kept += take;
      }
      chunk.position(chunk.limit());
      received += length;
      ready = takeWaiters(false);
      now = ready.isEmpty() ? null : snapshot();
    }
    ready.forEach(w -> w.future().complete(now));
  }

  /** The body ended, or the attempt gave up on it: readers waiting for more get what there is. */
  void finish() {
    List<Waiter> ready;
    LiveLogs.LiveLog now;
    synchronized (this) {
      finished = true;
      ready = takeWaiters(true);
      now = snapshot();
    }
    ready.forEach(w -> w.future().complete(now));
  }

  synchronized boolean isFull() {
    return kept >= Attempt.EXCERPT_BYTES;
  }

  synchronized boolean isFinished() {
    return finished;
  }

  synchronized String text() {
    return decode(bytes, kept);
  }

  synchronized LiveLogs.LiveLog snapshot() {
    return new LiveLogs.LiveLog(runId, attempt, decode(bytes, kept), received, finished);
  }

  /** Completes with a snapshot once more than {@code afterBytes} arrived or the body ended. */
  CompletableFuture<LiveLogs.LiveLog> next(long afterBytes) {
    synchronized (this) {
      if (finished || received > afterBytes) {
        return CompletableFuture.completedFuture(snapshot());
      }
      Waiter waiter = new Waiter(afterBytes, new CompletableFuture<>());
      waiters.add(waiter);
      return waiter.future();
    }
  }

  private List<Waiter> takeWaiters(boolean all) {
    List<Waiter> ready = new ArrayList<>();
    waiters.removeIf(w -> (all || received > w.afterBytes()) && ready.add(w));
    return ready;
  }

  /**
   * UTF-8 text of the bytes, invalid sequences replaced by U+FFFD. A sequence cut short at the
   * end (the 64 KiB limit, or a chunk still arriving) is left out rather than shown as invalid.
   */
  static String decode(byte[] bytes, int length) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer out = CharBuffer.allocate(length);
    decoder.decode(ByteBuffer.wrap(bytes, 0, length), out, false);
    return out.flip().toString();
  }
}

package dev.chime.delivery;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body as it arrives into the attempt's {@link Excerpt}, so {@link LiveLogs}
 * sees each chunk at once. A 2xx body is read to its end, since the job may be streaming its
 * progress and the run is over only when it ends; any other body only until the excerpt is
 * full. The response is handed over at its headers ({@link #getBody()} completes at once);
 * {@link #done()} completes when the body ends.
 */
final class ResponseBody implements HttpResponse.BodySubscriber<ResponseBody> {
  private final Excerpt excerpt;
  private final boolean readToEnd;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private boolean cancelled;

  ResponseBody(Excerpt excerpt, boolean readToEnd) {
    this.excerpt = excerpt;
    this.readToEnd = readToEnd;
  }

  CompletableFuture<Void> done() {
    return done;
  }

  /** Stops reading: the attempt timed out or the dispatcher is closing. */
  void cancel() {
    Flow.Subscription s;
    synchronized (this) {
      cancelled = true;
      s = subscription;
    }
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public CompletionStage<ResponseBody> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    boolean cancelNow;
    synchronized (this) {
      subscription = s;
      cancelNow = cancelled;
    }
    if (cancelNow) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    buffers.forEach(excerpt::append);
    if (!readToEnd && excerpt.isFull()) {
      cancel();
      done.complete(null);
    } else {
      subscription().request(1);
    }
  }

  @Override
  public void onError(Throwable error) {
    done.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    done.complete(null);
  }

  private synchronized Flow.Subscription subscription() {
    return subscription;
  }
}

package dev.chime.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peer of a burst: the JDK {@code HttpClient} configured as Chime's {@code Dispatcher}
 * configures it (redirects never followed, no proxy, HTTP/1.1 for {@code http}), sending the same
 * number of requests with the same headers and body size, at most {@code maxInFlight} at once,
 * with no scheduler and no database. Its time is the floor a burst could reach on this machine.
 */
final class RawClient {
  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .proxy(HttpClient.Builder.NO_PROXY)
      .build();
  private final InstantSource clock;
  private final FastReceiver receiver;

  /** Time from the first send to the last request received, and the lateness of each request. */
  record Result(long nanos, Stats lateness, int errors, String cpu) {}

  RawClient(InstantSource clock, FastReceiver receiver) {
    this.clock = clock;
    this.receiver = receiver;
  }

  Result run(int requests, int maxInFlight, Duration timeout) throws InterruptedException {
    FastReceiver.Round round = receiver.expect(requests);
    Semaphore room = new Semaphore(maxInFlight);
    AtomicInteger errors = new AtomicInteger();
    URI url = URI.create(receiver.baseUrl() + "/internal/cron/burst");
    CpuUse cpu = CpuUse.start();
    Instant start = clock.instant();
    String firedAt = LoadBench.FIRED_AT.format(start);
    String signature = "t=" + start.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(new byte[32]);
    for (int i = 0; i < requests; i++) {
      room.acquire();
      HttpRequest request = request(url, LoadBench.scheduleName(i % 1000), firedAt, signature);
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> {
            room.release();
            if (error != null || response.statusCode() != 200) {
              errors.incrementAndGet();
            }
          });
    }
    if (!round.await(timeout)) {
      throw new IllegalStateException("the raw client's " + requests + " requests did not all"
          + " arrive within " + timeout + " (" + round.count() + " did)");
    }
    String used = cpu.report(6);
    room.acquire(maxInFlight); // every response read
    room.release(maxInFlight);
    long nanos = round.lastArrival() - FastReceiver.epochNanos(start);
    return new Result(nanos, round.lateness(), errors.get(), used);
  }

  /** One request on its own: nanoseconds from building it to its arrival at the receiver. */
  long one() throws Exception {
    FastReceiver.Round round = receiver.expect(1);
    URI url = URI.create(receiver.baseUrl() + "/internal/cron/lone");
    Instant start = clock.instant();
    String firedAt = LoadBench.FIRED_AT.format(start);
    String signature = "t=" + start.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(new byte[32]);
    HttpResponse<Void> response = client.send(request(url, "lone", firedAt, signature),
        HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 200 || !round.await(Duration.ofSeconds(5))) {
      throw new IllegalStateException("the raw request failed: " + response.statusCode());
    }
    return round.lastArrival() - FastReceiver.epochNanos(start);
  }

  /** A request as Chime's dispatcher builds it: the same headers, a body of the same size. */
  private static HttpRequest request(URI url, String name, String firedAt, String signature) {
    String runId = UUID.randomUUID().toString();
    byte[] body = ("{\"schedule\":\"" + name + "\",\"firedAt\":\"" + firedAt + "\",\"runId\":\""
        + runId + "\",\"attempt\":1,\"trigger\":\"schedule\",\"payload\":null}")
        .getBytes(StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(url)
        .version(HttpClient.Version.HTTP_1_1)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .setHeader("Content-Type", "application/json")
        .setHeader("User-Agent", "Chime/0.1 (HTTP cron)")
        .setHeader("X-Schedule-Name", name)
        .setHeader("X-Cron-Expression", "0 0 1 1 *")
        .setHeader("X-Fired-At", firedAt)
        .setHeader("X-Chime-Run-Id", runId)
        .setHeader("X-Chime-Attempt", "1")
        .setHeader("X-Chime-Trigger", "schedule")
        .setHeader("X-Chime-Signature", signature)
        .build();
  }
}

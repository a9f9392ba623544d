package dev.chime.alert;

import dev.chime.delivery.AddressPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How alerts are sent.
 *
 * @param window at most one alert per schedule and condition in this long (10 minutes)
 * @param dashboard the dashboard's public address ({@code chime serve --public-url}), for a link
 *     to the run in each alert; null for none
 * @param addresses which addresses webhooks may reach: those of callbacks
 * @param timeout per request to a webhook
 * @param retryDelays the waits before each retry of a request that failed for a reason worth
 *     retrying (no answer, 429, 5xx); after the last one the alert is logged and dropped
 * @param queue alerts waiting to be decided; past it they are dropped (and counted), so that the
 *     scheduler never waits for alerting
 * @param webhookRefresh how often the namespaces' webhooks are read again (a change made on
 *     another replica shows within this)
 */
public record AlertConfig(Duration window, URI dashboard, AddressPolicy addresses,
    Duration timeout, List<Duration> retryDelays, int queue, Duration webhookRefresh) {

  public AlertConfig {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(webhookRefresh, "webhookRefresh");
    retryDelays = List.copyOf(retryDelays);
    if (queue < 1) {
      throw new IllegalArgumentException("queue must be at least 1, was " + queue);
    }
  }

  /** Ten minutes, ten-second requests retried after 1 s and 5 s, 10,000 queued. */
  public static AlertConfig defaults(URI dashboard, AddressPolicy addresses) {
    return new AlertConfig(Duration.ofMinutes(10), dashboard, addresses, Duration.ofSeconds(10),
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), 10_000, Duration.ofSeconds(30));
  }
}

package dev.chime.delivery;

import dev.chime.schedule.Invalid;
import java.util.Objects;

/**
 * Limits and safety of delivery.
 *
 * @param maxInFlight requests in flight at once, over all namespaces
 * @param maxInFlightPerNamespace requests in flight at once for one namespace, so one busy
 *     tenant cannot take every slot
 * @param addresses which resolved addresses callbacks may go to
 */
public record DeliveryConfig(int maxInFlight, int maxInFlightPerNamespace,
    AddressPolicy addresses) {

  public static final DeliveryConfig DEFAULTS = new DeliveryConfig(64, 16, AddressPolicy.standard());

  public DeliveryConfig {
    Objects.requireNonNull(addresses, "addresses");
    if (maxInFlight < 1 || maxInFlight > 10_000) {
      throw Invalid.of("maxInFlight", "must be between 1 and 10000, was " + maxInFlight);
    }
    if (maxInFlightPerNamespace < 1 || maxInFlightPerNamespace > maxInFlight) {
      throw Invalid.of("maxInFlightPerNamespace", "must be between 1 and maxInFlight ("
          + maxInFlight + "), was " + maxInFlightPerNamespace);
    }
  }
}

package dev.chime.schedule;

import java.time.ZoneId;

/**
 * A schedule as declared: what calls which endpoint when, and how (SPEC §1). Validated when
 * made; every problem is reported at once, named by its field.
 *
 * @param zone the IANA zone the timing is read in
 * @param description free text for people; may be empty
 */
public record Schedule(
    String namespace,
    String name,
    TimingRule timing,
    String endpoint,
    ZoneId zone,
    Delivery delivery,
    String description,
    boolean paused) {

  public static final int MAX_DESCRIPTION = 1000;

  public Schedule {
    zone = zone == null ? ZoneId.of("UTC") : zone;
    delivery = delivery == null ? Delivery.DEFAULTS : delivery;
    description = description == null ? "" : description;
    Checks checks = new Checks();
    String ns = namespace;
    String n = name;
    String path = endpoint;
    checks.run(() -> Names.check("namespace", ns));
    checks.run(() -> Names.check("name", n));
    checks.required("cron", timing);
    checks.run(() -> Endpoints.checkPath("endpoint", path));
    if (description.length() > MAX_DESCRIPTION) {
      checks.add("description", "is longer than " + MAX_DESCRIPTION + " characters");
    }
    if (name != null && delivery.chain().contains(name)) {
      checks.add("chain", "must not name the schedule itself");
    }
    checks.throwIfAny();
  }

  /** The same schedule, paused or resumed. */
  public Schedule withPaused(boolean paused) {
    return new Schedule(namespace, name, timing, endpoint, zone, delivery, description, paused);
  }
}

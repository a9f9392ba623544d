package dev.chime.store;

/** Everything Chime keeps, behind one handle that the composition root opens and closes. */
public interface Store extends AutoCloseable {
  NamespaceStore namespaces();

  ScheduleStore schedules();

  RunStore runs();

  /** Alert webhooks and the state that keeps alerts from repeating. */
  AlertStore alerts();

  /** Whether the database answers, for {@code /readyz}. */
  boolean reachable();

  @Override
  void close();
}

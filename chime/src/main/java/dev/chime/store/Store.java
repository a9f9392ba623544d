package dev.chime.store;

/** Everything Chime keeps, behind one handle that the composition root opens and closes. */
public interface Store extends AutoCloseable {
  NamespaceStore namespaces();

  ScheduleStore schedules();

  RunStore runs();

  /** Whether the database answers, for {@code /readyz}. */
  boolean reachable();

  @Override
  void close();
}

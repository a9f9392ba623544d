package dev.chime.scheduler;

/**
 * Told of every {@link RunEvent}, on the thread that recorded it: the scheduler loop, a thread
 * recording attempts, or an API request. It must be quick and must never block: slow work (an
 * HTTP call, a query) belongs on a thread of its own, or the scheduler's next fires wait for it.
 */
@FunctionalInterface
public interface RunObserver {
  void observe(RunEvent event);
}

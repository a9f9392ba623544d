package dev.chime.scheduler;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers of runs, told of each event in the order they were added. An observer that
 * throws is logged and the others are still told: watching the scheduler never stops it.
 * Thread-safe; observers are usually added before the scheduler starts.
 */
public final class RunEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

  private final List<RunObserver> observers = new CopyOnWriteArrayList<>();

  public void add(RunObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
  }

  void publish(RunEvent event) {
    for (RunObserver observer : observers) {
      try {
        observer.observe(event);
      } catch (RuntimeException e) {
        LOG.error("an observer of runs failed on {} of run {}", event.getClass().getSimpleName(),
            event.run().id(), e);
      }
    }
  }
}

package dev.chime.metrics;

import dev.chime.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The store with every call timed: {@code chime_store_seconds{operation}}, the operation named
 * by the part of the store and the method ({@code runs.claimDueFires}); the two claims are also
 * {@code chime_claim_seconds{kind="fires"|"attempts"}}. A dynamic proxy over the store's
 * interfaces, so that a method added to them is timed without a change here. Calls go through
 * unchanged, exceptions included; the cost is a map lookup and a clock read per call.
 */
final class TimedStore implements InvocationHandler {
  private static final Duration[] BUCKETS = {Duration.ofNanos(500_000), Duration.ofMillis(1),
      Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5)};
  private static final Map<String, String> CLAIMS =
      Map.of("claimDueFires", "fires", "claimAttempts", "attempts");

  private final Object target;
  private final String part;
  private final MeterRegistry registry;
  private final Map<Method, Timer[]> timers = new ConcurrentHashMap<>();
  private final Map<Method, Object> parts = new ConcurrentHashMap<>();

  private TimedStore(Object target, String part, MeterRegistry registry) {
    this.target = target;
    this.part = part;
    this.registry = registry;
  }

  static Store wrap(Store store, MeterRegistry registry) {
    return proxy(Store.class, store, "", registry);
  }

  private static <T> T proxy(Class<T> type, T target, String part, MeterRegistry registry) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new TimedStore(target, part, registry)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "timed " + target;
      };
    }
    // Store's parts (namespaces(), runs(), …) come back timed too, one proxy each.
    if (part.isEmpty() && method.getParameterCount() == 0 && method.getReturnType().isInterface()
        && method.getReturnType().getPackageName().equals(Store.class.getPackageName())) {
      return parts.computeIfAbsent(method, m -> proxy(erased(m.getReturnType()), call(m, null),
          m.getName(), registry));
    }
    long start = System.nanoTime();
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      long elapsed = System.nanoTime() - start;
      for (Timer timer : timers.computeIfAbsent(method, this::timersOf)) {
        timer.record(elapsed, TimeUnit.NANOSECONDS);
      }
    }
  }

  private Timer[] timersOf(Method method) {
    String operation = part.isEmpty() ? method.getName() : part + "." + method.getName();
    Timer store = Timer.builder("chime.store")
        .description("Calls to the store, by operation")
        .tag("operation", operation)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
    String claim = CLAIMS.get(method.getName());
    if (claim == null) {
      return new Timer[] {store};
    }
    return new Timer[] {store, Timer.builder("chime.claim")
        .description("The transactions that claim due fires and due attempts")
        .tag("kind", claim)
        .serviceLevelObjectives(BUCKETS)
        .register(registry)};
  }

  private Object call(Method method, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> erased(Class<?> type) {
    return (Class<T>) type;
  }
}

package dev.chime.store.jdbc;

import dev.chime.store.Store;
import dev.chime.testing.FakeClock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store's contract, run against every database: each subclass supplies a fresh database per
 * test. The cases live in the interfaces, one per concern; instants are literal and the store's
 * clock is simulated.
 */
abstract class StoreContractTest implements NamespaceContract, ScheduleContract,
    FireClaimContract, AttemptContract, HistoryContract, StartedFireContract {

  private final FakeClock clock = new FakeClock(Samples.T0);
  private final List<Store> opened = new ArrayList<>();
  private Store store;
  private int runIds;

  /** Opens a store on this test's database (called once per test, or twice for replicas). */
  protected abstract Store openStore(InstantSource clock);

  /** Makes this test's database, before any store opens on it. */
  protected void createDatabase() throws Exception {}

  /** Removes this test's database, after every store on it closed. */
  protected void dropDatabase() throws Exception {}

  @BeforeEach
  final void openTheStore() throws Exception {
    createDatabase();
    store = openAnother();
  }

  @AfterEach
  final void closeTheStores() throws Exception {
    opened.forEach(Store::close);
    dropDatabase();
  }

  @Override
  public final Store store() {
    return store;
  }

  @Override
  public final Store openAnother() {
    Store another = openStore(clock);
    opened.add(another);
    return another;
  }

  @Override
  public final FakeClock clock() {
    return clock;
  }

  @Override
  public final String newRunId() {
    return String.format("run-%04d", ++runIds);
  }
}

package dev.chime.store.jdbc;

import dev.chime.store.AlertStore;
import dev.chime.store.NamespaceStore;
import dev.chime.store.RunStore;
import dev.chime.store.ScheduleStore;
import dev.chime.store.Store;

/** The stores of one database, sharing its pool; closing it closes the pool. */
final class JdbcStore implements Store {
  private final Database db;
  private final NamespaceStore namespaces;
  private final ScheduleStore schedules;
  private final RunStore runs;
  private final AlertStore alerts;

  JdbcStore(Database db) {
    this.db = db;
    this.namespaces = new JdbcNamespaceStore(db);
    this.schedules = new JdbcScheduleStore(db);
    this.runs = new JdbcRunStore(db);
    this.alerts = new JdbcAlertStore(db);
  }

  @Override
  public NamespaceStore namespaces() {
    return namespaces;
  }

  @Override
  public ScheduleStore schedules() {
    return schedules;
  }

  @Override
  public RunStore runs() {
    return runs;
  }

  @Override
  public AlertStore alerts() {
    return alerts;
  }

  @Override
  public boolean reachable() {
    return db.reachable();
  }

  @Override
  public void close() {
    db.close();
  }
}

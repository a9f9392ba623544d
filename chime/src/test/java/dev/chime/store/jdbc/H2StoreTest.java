package dev.chime.store.jdbc;

import static dev.chime.store.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import dev.chime.store.Store;
import dev.chime.store.StoreException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on the embedded H2 database, each test in its own data folder, its sessions in a
 * non-UTC zone so that an instant read through the session's zone would show.
 */
class H2StoreTest extends StoreContractTest {
  @TempDir Path dataDirectory;

  @Override
  protected Store openStore(InstantSource clock) {
    StoreConfig config = new StoreConfig(clock, 4, Duration.ofSeconds(5));
    HikariConfig pool =
        JdbcStores.poolConfig(JdbcStores.embeddedUrl(dataDirectory.resolve("data")), config);
    pool.setConnectionInitSql("SET TIME ZONE 'America/Denver'");
    pool.setMinimumIdle(1); // open connections as the test needs them, not four up front
    return JdbcStores.open(pool, new H2Dialect(), config);
  }

  @Test
  void embedded_keepsItsDataInTheFolder_acrossRestarts() {
    Path folder = dataDirectory.resolve("chime-data");
    StoreConfig config = StoreConfig.defaults(clock());
    try (Store first = JdbcStores.embedded(folder, config)) {
      first.namespaces().create(Samples.namespace("billing"), "secret", "hash");
      first.schedules().create(Samples.schedule("billing", "sync"), T0);
    }
    assertThat(Files.isDirectory(folder)).isTrue();

    try (Store again = JdbcStores.embedded(folder, config)) {
      assertThat(again.namespaces().find("billing")).contains(Samples.namespace("billing"));
      assertThat(again.schedules().earliestNextFire()).contains(T0);
    }
  }

  /**
   * Each commit appends a chunk of some 25 KB to H2's file. Before the embedded options kept
   * H2's housekeeping running and stopped it from retaining dead chunks for 45 s, 2,000
   * schedules made a 50 MB file, and 100,000 made 3.3 GB; their live data is under 1 MB.
   */
  @Test
  void embedded_manySmallCommits_leaveAFileNearTheSizeOfItsData() throws Exception {
    Path folder = dataDirectory.resolve("chime-data");
    try (Store store = JdbcStores.embedded(folder, StoreConfig.defaults(clock()))) {
      store.namespaces().create(Samples.namespace("billing"), "secret", "hash");
      for (int i = 0; i < 2000; i++) {
        store.schedules().create(Samples.schedule("billing", String.format("s-%05d", i)), T0);
      }
      assertThat(Files.size(folder.resolve("chime.mv.db"))).isLessThan(12L << 20);
    }
  }

  @Test
  void embedded_onAFolderAnotherProcessHolds_saysSo() throws Exception {
    Path folder = dataDirectory.resolve("chime-data");
    JdbcStores.embedded(folder, StoreConfig.defaults(clock())).close();

    // Another process holding the database file looks the same to H2 as this lock.
    try (FileChannel file = FileChannel.open(folder.resolve("chime.mv.db"),
            StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock held = file.lock()) {
      assertThat(held.isValid()).isTrue();
      assertThatThrownBy(() -> JdbcStores.embedded(folder, StoreConfig.defaults(clock())))
          .isInstanceOf(StoreException.class)
          .hasMessage("data folder " + folder + " is in use by another process"
              + " (is another chime serve running on it?)");
    }
  }
}

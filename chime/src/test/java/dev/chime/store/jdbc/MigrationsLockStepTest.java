package dev.chime.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two migration folders move in lock-step: every version exists for both databases. (That
 * the resulting schemas match column for column is checked on a real PostgreSQL by {@link
 * PostgresStoreTest}.)
 */
class MigrationsLockStepTest {
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  @Test
  void everyMigrationExistsForBothDatabases() throws IOException {
    List<String> h2 = files(new H2Dialect().migrations());
    List<String> postgres = files(new PostgresDialect().migrations());

    assertThat(h2).contains("V1__schema.sql").isEqualTo(postgres);
  }

  private static List<String> files(String folder) throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS.resolve(folder))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}

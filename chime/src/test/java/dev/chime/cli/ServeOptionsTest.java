package dev.chime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replica settings of {@code chime serve} come from flags or, for containers, from the
 * environment, the flag winning; a value out of range stops it before it opens anything.
 */
class ServeOptionsTest {
  @TempDir Path data;

  record Result(int status, String out, String err) {}

  @Test
  void aSettingOutOfRange_isRefusedWithItsRange_whetherFlagOrEnvironment() {
    String refusal = "chime: --pool-size must be 2 to 100, --batch-size 1 to 1000 and"
        + " --poll-seconds 1 to 3600";
    Result flag = serve(Map.of(), "--pool-size", "1");
    assertThat(flag.status()).isEqualTo(1);
    assertThat(flag.err()).startsWith(refusal).contains("(was 1, 200 and 10)");

    Result environment = serve(Map.of("CHIME_BATCH_SIZE", "5000", "CHIME_POLL_SECONDS", "0"));
    assertThat(environment.status()).isEqualTo(1);
    assertThat(environment.err()).startsWith(refusal).contains("(was 10, 5000 and 0)");

    Result flagWins = serve(Map.of("CHIME_POOL_SIZE", "500"), "--pool-size", "0");
    assertThat(flagWins.err()).contains("(was 0, 200 and 10)");

    Result lease = serve(Map.of("CHIME_LEASE_SECONDS", "2"));
    assertThat(lease.err()).contains("--lease-seconds at least 3");
  }

  @Test
  void help_namesEachSettingsVariable() {
    Result help = serve(Map.of(), "--help");
    assertThat(help.out()).contains("CHIME_POOL_SIZE", "CHIME_BATCH_SIZE", "CHIME_POLL_SECONDS",
        "CHIME_LEASE_SECONDS", "CHIME_DB_URL");
  }

  private Result serve(Map<String, String> environment, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "serve";
    args[1] = "--data";
    args[2] = data.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = ChimeCommand.commandLine(InstantSource.system(), new PrintWriter(out, true),
        new PrintWriter(err, true), environment).execute(args);
    return new Result(status, out.toString(), err.toString());
  }
}

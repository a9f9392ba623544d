package dev.chime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chime apply} before any answer: usage errors exit 2, a file or server it cannot reach
 * exits 1, each with one line saying what to do. (Against a server: ApplyCliTest.)
 */
class ApplyCommandTest {
  private static final InstantSource NOW =
      InstantSource.fixed(Instant.parse("2026-11-22T16:15:00Z"));

  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  @Test
  void withoutATokenOptionOrVariable_isAUsageError_namingBoth() throws IOException {
    Result r = run(Map.of(), "apply", "-f", file().toString(), "--server",
        "http://127.0.0.1:8080", "--namespace", "billing");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("no token: pass --token T or set CHIME_TOKEN to the"
        + " namespace's token (or the admin token)\n");
  }

  @Test
  void theTokenVariable_isUsed_andAServerThatIsNotThere_isOneLine_exitOne() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Result r = run(Map.of("CHIME_TOKEN", "chime_token"), "apply", "-f", file().toString(),
        "--server", "http://127.0.0.1:" + closedPort, "--namespace", "billing");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("chime: cannot connect to http://127.0.0.1:" + closedPort
        + "/: connection refused (is chime serve running there?)\n");
  }

  @Test
  void aMissingFile_exitsOne_namingIt() {
    Path missing = dir.resolve("catalog-info.yaml");

    Result r = run(Map.of(), "apply", "-f", missing.toString(), "--server",
        "http://127.0.0.1:8080", "--namespace", "billing", "--token", "t");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("chime: cannot read " + missing + ": no such file\n");
  }

  @Test
  void usageErrors_exitTwo() throws IOException {
    String file = file().toString();
    assertThat(run(Map.of(), "apply", "--server", "http://127.0.0.1:8080", "--namespace",
        "billing", "--token", "t").status()).isEqualTo(2);
    assertThat(run(Map.of(), "apply", "-f", file, "--namespace", "billing", "--token", "t")
        .status()).isEqualTo(2);
    Result badServer = run(Map.of(), "apply", "-f", file, "--server", "127.0.0.1:8080",
        "--namespace", "billing", "--token", "t");
    assertThat(badServer.status()).isEqualTo(2);
    assertThat(badServer.err()).startsWith("--server must be the server's http(s) URL, such as"
        + " http://127.0.0.1:8080; was \"127.0.0.1:8080\"\n");
    assertThat(run(Map.of(), "apply", "-f", file, "--server", "http://127.0.0.1:8080",
        "--namespace", "billing", "--token", "t", "--prune=yes").status()).isEqualTo(2);
  }

  private Path file() throws IOException {
    return Files.writeString(dir.resolve("catalog-info.yaml"), "spec: {}\n");
  }

  private static Result run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = ChimeCommand.commandLine(NOW, new PrintWriter(out, true),
        new PrintWriter(err, true), environment).execute(args);
    return new Result(status, out.toString(), err.toString());
  }
}

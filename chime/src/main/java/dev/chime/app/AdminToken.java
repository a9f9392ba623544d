package dev.chime.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The admin token (SPEC §10): from {@code CHIME_ADMIN_TOKEN}, or generated at first start,
 * printed once and kept — as its hash only — in the data folder.
 */
final class AdminToken {
  static final String FILE = "admin-token.sha256";

  /** The token shown to the operator, if it was just generated, and the hash to check against. */
  record Loaded(Optional<String> generated, String hash) {}

  private AdminToken() {}

  static Loaded load(Optional<String> fromEnvironment, Path dataDirectory) throws IOException {
    if (fromEnvironment.isPresent() && !fromEnvironment.get().isBlank()) {
      return new Loaded(Optional.empty(), sha256(fromEnvironment.get()));
    }
    Path file = dataDirectory.resolve(FILE);
    if (Files.exists(file)) {
      return new Loaded(Optional.empty(), Files.readString(file).strip());
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = "chime_admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.createDirectories(dataDirectory);
    Files.writeString(file, sha256(token) + "\n");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the hash alone does not reveal the token
    }
    return new Loaded(Optional.of(token), sha256(token));
  }

  static String sha256(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

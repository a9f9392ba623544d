package dev.chime.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens and signing secrets: 256 random bits each, and the SHA-256 under which tokens are
 * stored. A plain hash suffices (no salt, no slow KDF) because the tokens are random, not
 * chosen by people: there is nothing to guess.
 */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A new API token; the prefix lets secret scanners recognise a leaked one. */
  static String newToken() {
    return "chime_" + random();
  }

  /** A new signing secret for HMAC-SHA256 callback signatures. */
  static String newSigningSecret() {
    return "chsec_" + random();
  }

  /** The lower-case hex SHA-256 of a token, as stored. */
  static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  /** Whether {@code token} hashes to {@code expectedHash}, in constant time. */
  static boolean matches(String token, byte[] expectedHash) {
    return MessageDigest.isEqual(sha256(token), expectedHash);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

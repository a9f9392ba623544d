package dev.chime.api;

import java.util.List;
import java.util.Map;

/**
 * The API's one error type: whatever goes wrong in a handler ends as one of these, and {@link
 * ProblemMapper} writes it as {@code application/problem+json} (RFC 9457). Domain exceptions are
 * translated there too, so handlers may simply let {@code Invalid} or {@code Conflict} through.
 *
 * <p>Status codes: 400 when the request cannot be read (malformed JSON, an unknown field, a wrong
 * type), 422 when it was read but a value is not acceptable, 401 without a valid token, 403 for
 * an admin-only operation, 404 for anything the caller cannot see, 409 for a clash with what is
 * stored, 413 for a body over the limit, 503 when the database does not answer.
 */
final class Problem extends RuntimeException {

  /** One field at fault: a dotted path such as {@code retry.maxAttempts}, and why. */
  record FieldError(String field, String message) {}

  /** Type URIs for the problems a client may want to tell apart; the rest are about:blank. */
  static final String UNREADABLE = "tag:chime.dev,2026:problem/unreadable-request";
  static final String INVALID = "tag:chime.dev,2026:problem/invalid-value";
  static final String CONFLICT = "tag:chime.dev,2026:problem/conflict";
  static final String LINT_ERRORS = "tag:chime.dev,2026:problem/lint-errors";
  static final String BLANK = "about:blank";

  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, String> headers;
  private final List<?> findings;

  private Problem(int status, String type, String title, String detail, List<FieldError> errors,
      Map<String, String> headers) {
    this(status, type, title, detail, errors, headers, List.of());
  }

  private Problem(int status, String type, String title, String detail, List<FieldError> errors,
      Map<String, String> headers, List<?> findings) {
    // No stack trace: a problem is an answer to the client, not a fault to debug.
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
    this.findings = List.copyOf(findings);
  }

  static Problem of(int status, String type, String title, String detail) {
    return new Problem(status, type, title, detail, List.of(), Map.of());
  }

  /** 400: the request could not be read; {@code field} names where. */
  static Problem unreadable(String field, String message) {
    return new Problem(400, UNREADABLE, "The request could not be read",
        field + ": " + message, List.of(new FieldError(field, message)), Map.of());
  }

  /** 422: values that are not acceptable, every one named. */
  static Problem invalid(List<FieldError> errors) {
    String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message())
        .toList());
    return new Problem(422, INVALID, "Invalid values", detail, errors, Map.of());
  }

  static Problem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  /**
   * 422: a catalog file with lint errors, which changes nothing; {@code findings} (an extension
   * member) lists every finding, warnings too, as {@code chime lint --format json} does.
   */
  static Problem lintErrors(String detail, List<?> findings) {
    return new Problem(422, LINT_ERRORS, "The file has lint errors", detail, List.of(), Map.of(),
        findings);
  }

  static Problem unauthorized(String detail) {
    return new Problem(401, BLANK, "Unauthorized", detail, List.of(),
        Map.of("WWW-Authenticate", "Bearer realm=\"chime\""));
  }

  static Problem forbidden(String detail) {
    return of(403, BLANK, "Forbidden", detail);
  }

  static Problem notFound(String detail) {
    return of(404, BLANK, "Not Found", detail);
  }

  static Problem conflict(String detail) {
    return of(409, CONFLICT, "Conflict", detail);
  }

  static Problem tooLarge(long limitBytes) {
    return new Problem(413, BLANK, "Content Too Large",
        "the request body is larger than " + limitBytes + " bytes",
        List.of(new FieldError("body", "is larger than " + limitBytes + " bytes")), Map.of());
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  String title() {
    return title;
  }

  List<FieldError> errors() {
    return errors;
  }

  Map<String, String> headers() {
    return headers;
  }

  List<?> findings() {
    return findings;
  }
}

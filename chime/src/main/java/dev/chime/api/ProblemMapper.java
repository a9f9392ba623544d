package dev.chime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chime.schedule.Invalid;
import dev.chime.store.Conflict;
import dev.chime.store.StoreException;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: turns whatever a handler threw into a {@link Problem} and writes it as
 * {@code application/problem+json}. Unexpected exceptions are logged here and answered with a
 * detail that says nothing about them, since their messages may hold SQL or secrets.
 */
final class ProblemMapper implements ExceptionHandler<Exception> {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

  private final long bodyLimit;

  ProblemMapper(long bodyLimit) {
    this.bodyLimit = bodyLimit;
  }

  /**
   * The body of every error response (RFC 9457), with {@code errors} naming fields at fault and,
   * for a catalog file, {@code findings} pointing at lines and columns.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Body(String type, String title, int status, String detail, String instance,
      List<Problem.FieldError> errors, List<?> findings) {}

  @Override
  public void handle(Exception exception, Context ctx) {
    Problem problem = problem(exception, ctx);
    problem.headers().forEach(ctx::header);
    ctx.status(problem.status())
        .contentType(CONTENT_TYPE)
        .result(Json.write(new Body(problem.type(), problem.title(), problem.status(),
            problem.getMessage(), ctx.path(), problem.errors(), problem.findings())));
  }

  private Problem problem(Exception exception, Context ctx) {
    return switch (exception) {
      case Problem p -> p;
      // A field may carry client text (a header's name): clipped like every echo.
      case Invalid invalid -> Problem.invalid(invalid.problems().stream()
          .map(p -> new Problem.FieldError(Text.clip(p.field()), p.message())).toList());
      case Conflict conflict -> Problem.conflict(conflict.getMessage());
      case StoreException e -> {
        log.warn("{} {}: the store failed", ctx.method(), ctx.path(), e);
        yield Problem.of(503, Problem.BLANK, "Service Unavailable",
            "the database did not answer; nothing was changed, try again");
      }
      case EndpointNotFound e ->
          Problem.notFound("no route " + ctx.method() + " " + ctx.path());
      case HttpResponseException e when e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode() ->
          Problem.tooLarge(bodyLimit);
      case HttpResponseException e -> Problem.of(e.getStatus(), Problem.BLANK,
          HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage());
      default -> {
        log.error("{} {} failed", ctx.method(), ctx.path(), exception);
        yield Problem.of(500, Problem.BLANK, "Internal Server Error",
            "the request failed on the server; the server log has the details");
      }
    };
  }
}

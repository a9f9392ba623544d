package dev.chime.api;

import dev.chime.delivery.AddressPolicy;
import dev.chime.delivery.LiveLogs;
import dev.chime.schedule.Invalid;
import dev.chime.schedule.Names;
import dev.chime.schedule.Namespace;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.Store;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.InstantSource;

/**
 * What every handler needs: the services, the configuration, and the checks they share — reading
 * a bounded body, and finding a namespace the caller may reach. A namespace the caller may not
 * reach answers exactly as one that does not exist, so tokens cannot probe for names.
 */
final class ApiContext {
  final ApiConfig config;
  final Store store;
  final ScheduleService schedules;
  final InstantSource clock;
  final LiveLogs liveLogs;
  final AddressPolicy addresses;

  ApiContext(ApiConfig config, ApiServer.Dependencies deps) {
    this.config = config;
    this.store = deps.store();
    this.schedules = deps.schedules();
    this.clock = deps.clock();
    this.liveLogs = deps.liveLogs();
    this.addresses = deps.addresses();
  }

  /** The request body, or 413 past the limit (read no further than that). */
  byte[] body(Context ctx) {
    return body(ctx, config.maxBodyBytes());
  }

  /** The request body, or 413 past {@code limit} bytes (read no further than that). */
  byte[] body(Context ctx, int limit) {
    if (ctx.req().getContentLengthLong() > limit) {
      throw Problem.tooLarge(limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw Problem.tooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body read strictly as {@code type}. */
  <T> T json(Context ctx, Class<T> type) {
    return Json.read(body(ctx), type);
  }

  /** The namespace named by the path's {ns}, when the caller may reach it; 404 otherwise. */
  Namespace namespace(Context ctx) {
    String name = ctx.pathParam("ns");
    if (!isName(name) || !Authenticator.caller(ctx).reaches(name)) {
      throw namespaceNotFound(name);
    }
    return store.namespaces().find(name).orElseThrow(() -> namespaceNotFound(name));
  }

  /** 403 unless the caller holds the admin token. */
  static void requireAdmin(Context ctx) {
    if (!(Authenticator.caller(ctx) instanceof Caller.Admin)) {
      throw Problem.forbidden("only the admin token may do this");
    }
  }

  static boolean isName(String name) {
    try {
      Names.check("name", name);
      return true;
    } catch (Invalid e) {
      return false;
    }
  }

  static Problem namespaceNotFound(String name) {
    return Problem.notFound("namespace `" + Text.clip(name) + "` not found");
  }

  /** An integer query parameter: 400 when it is not a number, 422 when out of range. */
  static int intQuery(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw Problem.unreadable(name, "must be a whole number, was \"" + Text.clip(text) + "\"");
    }
    if (value < min || value > max) {
      throw Problem.invalid(name, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }
}

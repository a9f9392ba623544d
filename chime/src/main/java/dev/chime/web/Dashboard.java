package dev.chime.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard (SPEC §8): a page at {@code /} and its files at {@code /ui/{asset}} (the icon at
 * {@code /favicon.ico} too), plain HTML,
 * CSS and JavaScript modules kept in the jar (no build step). The page signs in with a token,
 * keeps it in the tab's session storage, and calls the REST API with it like any client; this
 * class only serves files.
 *
 * <p>Every answer carries a Content-Security-Policy that allows scripts, styles and requests to
 * this origin only and no inline script, so that text from the API can never run as code even if
 * a page forgot to treat it as text (the pages build the DOM with {@code textContent}, never
 * {@code innerHTML}).
 */
public final class Dashboard {
  static final String FOLDER = "/dev/chime/web/";
  /** Every file of the dashboard; a test checks this matches the folder. */
  static final List<String> ASSETS = List.of("index.html", "app.css", "app.js", "api.js",
      "dom.js", "format.js", "signin.js", "namespaces.js", "schedules.js", "schedule.js",
      "run.js", "favicon.svg");
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self';"
      + " frame-ancestors 'none'";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml");

  private record Asset(byte[] bytes, String type, String etag) {}

  private final Map<String, Asset> assets = new LinkedHashMap<>();

  /** Reads every file once; a file missing from the jar fails here, at start. */
  public Dashboard() {
    for (String name : ASSETS) {
      byte[] bytes = read(name);
      String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      assets.put(name, new Asset(bytes, TYPES.get(extension), "\"" + digest(bytes) + "\""));
    }
  }

  public void register(JavalinDefaultRouting router) {
    router.get("/", ctx -> serve(ctx, "index.html"));
    // Browsers ask for it on any page of the origin (/metrics, the JSON of /v1): Chime's bell.
    router.get("/favicon.ico", ctx -> serve(ctx, "favicon.svg"));
    router.get("/ui/{asset}", ctx -> serve(ctx, ctx.pathParam("asset")));
  }

  private void serve(Context ctx, String name) {
    Asset asset = assets.get(name);
    if (asset == null) {
      throw new NotFoundResponse("the dashboard has no file " + name.replaceAll("[^\\w.-]", "?"));
    }
    ctx.header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        // Revalidated each time (a 304 when unchanged), so a new version shows at once.
        .header("Cache-Control", "no-cache")
        .header("ETag", asset.etag());
    if (asset.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(asset.type()).result(asset.bytes());
  }

  private static byte[] read(String name) {
    try (InputStream in = Dashboard.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException(FOLDER + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

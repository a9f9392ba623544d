package dev.chime.api;

import dev.chime.receiver.ChimeSignature;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/runs/{id}/complete}: a service reports the end of a {@code completion:
 * callback} run (SPEC §3.1). There is no bearer token: the request carries {@code
 * X-Chime-Signature} over its raw body and the run id, made with the namespace's signing secret,
 * as Chime signs callbacks. The signature is checked before the body is parsed.
 */
final class RunCompletion {
  static final int MAX_MESSAGE = 4096;
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  private final ApiContext api;

  RunCompletion(ApiContext api) {
    this.api = api;
  }

  /** The body: {@code succeeded} or {@code failed}, and an optional message for people. */
  record Request(String status, String message) {}

  void register(JavalinDefaultRouting router) {
    router.post("/v1/runs/{id}/complete", this::complete);
  }

  private void complete(Context ctx) {
    String id = ctx.pathParam("id");
    byte[] body = api.body(ctx);
    Problem notFound = Problem.notFound("run `" + Text.clip(id) + "` not found");
    if (!RUN_ID.matcher(id).matches()) {
      throw notFound;
    }
    Run run = api.store.runs().find(id).orElseThrow(() -> notFound);
    String secret = api.store.namespaces().signingSecret(run.namespace())
        .orElseThrow(() -> notFound);
    if (ChimeSignature.verify(ctx.header("X-Chime-Signature"), id, body, secret, api.clock)
        instanceof ChimeSignature.Rejected rejected) {
      throw Problem.unauthorized("X-Chime-Signature: " + rejected.message()
          + "; sign \"<t>.<run id>.<body>\" with the namespace's signing secret");
    }
    Request request = Json.read(body, Request.class);
    Problems problems = new Problems();
    if (request.status() == null) {
      problems.add("status", "is required: succeeded or failed");
    }
    RunStatus status = problems.choice("status", request.status(),
        new RunStatus[] {RunStatus.SUCCEEDED, RunStatus.FAILED}, RunStatus::id, null);
    String message = problems.text("message", request.message(), MAX_MESSAGE);
    problems.throwIfAny();
    if (!api.schedules.complete(id, status, message == null ? "" : message)) {
      throw Problem.conflict("run `" + id + "` is not awaiting a completion report; it is "
          + run.status().id());
    }
    ctx.json(RunJson.View.of(api.store.runs().find(id).orElseThrow(() -> notFound)));
  }
}

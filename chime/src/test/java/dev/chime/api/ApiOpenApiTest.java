package dev.chime.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document served at /v1/openapi.json describes exactly the routes the server has. */
class ApiOpenApiTest {
  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void document_listsEveryRegisteredRoute_andNoOther() {
    JsonNode doc = api.get("/v1/openapi.json", null).json();
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
    Set<String> registered = new TreeSet<>();
    api.server.routes().forEach(r -> registered.add(r.method() + " " + r.path()));

    assertThat(registered).as("routes missing from the document")
        .isSubsetOf(documented);
    assertThat(documented).as("documented routes the server does not have")
        .isSubsetOf(registered);
    assertThat(registered).hasSizeGreaterThan(20);
  }

  @Test
  void document_everyReferenceResolves_andEveryOperationSaysWhatItAnswers() {
    JsonNode doc = api.get("/v1/openapi.json", null).json();
    Set<String> refs = new HashSet<>();
    collectRefs(doc, refs);
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(doc.at(ref.substring(1))).as(ref).isNotNull();
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
    doc.get("paths").forEach(path -> path.forEach(operation ->
        assertThat(operation.get("responses").size()).isPositive()));
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      collectRefs(it.next(), refs);
    }
  }
}

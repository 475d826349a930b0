package cn.gov.jx.majorprojects.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OWASP API5 (function-level authorization) as a build rule: every write operation a service's
 * OpenAPI document publishes must have a row in the module README's "Scope and role tests" table
 * whose wrong-role column names the test(s) proving the 403, and every test it names must exist in
 * the module's test sources. A new endpoint without such a test, or a renamed test the table still
 * cites, fails the build. A write every signed-in user may do says so with {@code n/a: <reason>}.
 */
public final class RoleTestInventory {

  private static final Pattern OPERATION =
      Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`?\\s]*)[^`]*`");
  private static final Pattern ABBREVIATION =
      Pattern.compile("`?\\b([A-Z]{2,4})`? = `([A-Za-z/]+Tests)`");
  private static final Pattern QUALIFIED = Pattern.compile("`(\\w+)\\.(\\w+)(…)?`");
  private static final Pattern TOKEN =
      Pattern.compile("`(\\w+)(…)?`|\\b([A-Z]{2,4})\\b|\\b(\\w+Tests)\\b");

  private final Path module;
  private final String section;
  private final Map<String, String> classOf = new HashMap<>();
  private final Map<String, String> wrongRoleCell = new LinkedHashMap<>();

  private RoleTestInventory(Path module) {
    this.module = module;
    String readme = read(module.resolve("README.md"));
    int start = readme.indexOf("## Scope and role tests");
    if (start < 0) {
      throw new AssertionError(module + "/README.md has no \"## Scope and role tests\" section");
    }
    int end = readme.indexOf("\n## ", start + 5);
    section = readme.substring(start, end < 0 ? readme.length() : end);
    Matcher abbreviation = ABBREVIATION.matcher(section.replaceAll("\\s+", " "));
    while (abbreviation.find()) {
      String path = abbreviation.group(2);
      classOf.put(abbreviation.group(1), path.substring(path.lastIndexOf('/') + 1));
    }
    int column = -1;
    for (String line : section.split("\n")) {
      if (!line.startsWith("|")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      if (column < 0) {
        for (int i = 0; i < cells.length; i++) {
          if (cells[i].contains("403")) {
            column = i;
          }
        }
        continue;
      }
      if (cells.length <= column) {
        continue;
      }
      Matcher op = OPERATION.matcher(cells[1]);
      while (op.find()) {
        wrongRoleCell.put(key(op.group(1), op.group(2)), cells[column].strip());
      }
    }
  }

  /** The module (working directory of its tests) and its README. */
  public static RoleTestInventory ofThisModule() {
    return new RoleTestInventory(Path.of("").toAbsolutePath());
  }

  static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  /** Fails with every gap of the service's own {@code /v3/api-docs}, as MockMvc serves it. */
  public static void assertComplete(org.springframework.test.web.servlet.MockMvc mvc)
      throws Exception {
    List<String> gaps = ofThisModule().gapsIn(apiDocs(mvc));
    if (!gaps.isEmpty()) {
      throw new AssertionError(
          "write operations without a wrong-role test:\n" + String.join("\n", gaps));
    }
  }

  /** The service's own {@code /v3/api-docs}, as MockMvc serves it. */
  static String apiDocs(org.springframework.test.web.servlet.MockMvc mvc) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /**
   * What is missing for the document's write operations: one line per operation without a row,
   * without a wrong-role test, or citing a test that does not exist. Empty when complete.
   */
  public List<String> gapsIn(String openApiJson) {
    JsonNode doc = JsonMapper.shared().readTree(openApiJson);
    List<String> gaps = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (String method : path.getValue().propertyNames()) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(verb)) {
          continue;
        }
        String operation = verb + " " + path.getKey();
        String cell = wrongRoleCell.get(key(verb, path.getKey()));
        if (cell == null) {
          gaps.add(operation + ": no row in README.md's \"Scope and role tests\" table");
          continue;
        }
        if (cell.startsWith("n/a")) {
          if (!cell.matches("n/a: \\S.*")) {
            gaps.add(operation + ": \"n/a\" without a reason");
          }
          continue;
        }
        List<String> cited = citedTests(cell);
        if (cited.isEmpty()) {
          gaps.add(operation + ": the wrong-role column names no test");
        }
        for (String test : cited) {
          if (!exists(test)) {
            gaps.add(operation + ": cites " + test + ", which is not in src/test/java");
          }
        }
      }
    }
    return gaps;
  }

  /** {@code Class} or {@code Class#method} or {@code Class#prefix…} for each test a cell cites. */
  List<String> citedTests(String cell) {
    List<String> tests = new ArrayList<>();
    Matcher qualified = QUALIFIED.matcher(cell);
    while (qualified.find()) {
      String type = classOf.getOrDefault(qualified.group(1), qualified.group(1));
      tests.add(type + "#" + qualified.group(2) + (qualified.group(3) == null ? "" : "…"));
    }
    String rest = QUALIFIED.matcher(cell).replaceAll(" ");
    String current = null;
    Matcher token = TOKEN.matcher(rest);
    while (token.find()) {
      if (token.group(3) != null && classOf.containsKey(token.group(3))) {
        current = classOf.get(token.group(3));
        tests.add(current);
      } else if (token.group(4) != null) {
        current = token.group(4);
        tests.add(current);
      } else if (token.group(1) != null && current != null && token.group(1).length() >= 15) {
        // a test method's name (a short code word such as `issueId` is prose, not a test)
        tests.add(current + "#" + token.group(1) + (token.group(2) == null ? "" : "…"));
      }
    }
    return tests;
  }

  boolean exists(String test) {
    String type = test.contains("#") ? test.substring(0, test.indexOf('#')) : test;
    Path source;
    try (Stream<Path> files = Files.walk(module.resolve("src/test/java"))) {
      source =
          files
              .filter(f -> f.getFileName().toString().equals(type + ".java"))
              .findFirst()
              .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (source == null) {
      return false;
    }
    if (!test.contains("#")) {
      return true;
    }
    String method = test.substring(test.indexOf('#') + 1);
    String text = read(source);
    return method.endsWith("…")
        ? text.contains("void " + method.substring(0, method.length() - 1))
        : text.contains("void " + method + "(");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

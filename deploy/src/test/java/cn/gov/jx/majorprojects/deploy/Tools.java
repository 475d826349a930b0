package cn.gov.jx.majorprojects.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Runs the real tools on the files of deploy/ and reads them. */
final class Tools {

  /** The module directory (Surefire's working directory). */
  static final Path DEPLOY = Path.of("").toAbsolutePath();

  static final Path ROOT = DEPLOY.getParent();

  record Result(int exit, String output) {}

  private Tools() {}

  /**
   * Runs a command in deploy/ with only PATH and HOME from the environment (plus {@code env}), so
   * neither a developer's variables nor CI's change what the tool sees.
   */
  static Result run(Map<String, String> env, String... command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(DEPLOY.toFile());
    Map<String, String> environment = builder.environment();
    String path = environment.get("PATH");
    String home = environment.get("HOME");
    environment.clear();
    environment.put("PATH", path);
    environment.put("HOME", home == null ? "/tmp" : home);
    environment.putAll(env);
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(
          command[0] + " cannot be run: install it (.ci/run says how) — " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Result run(String... command) {
    return run(Map.of(), command);
  }

  /** Runs a command that must succeed, and returns what it printed. */
  static String succeed(String... command) {
    Result result = run(command);
    assertThat(result.exit())
        .as("%s exited with %d:%n%s", String.join(" ", command), result.exit(), result.output())
        .isZero();
    return result.output();
  }

  /** {@code npm ci} once, when deploy/node_modules is missing (a fresh clone). */
  static synchronized void nodeModules() {
    if (!Files.exists(DEPLOY.resolve("node_modules/.package-lock.json"))) {
      succeed("npm", "ci", "--no-audit", "--no-fund");
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T yaml(Path file) {
    return new Yaml().load(read(file));
  }

  /** Every document of a multi-document YAML text, as maps. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(20 * 1024 * 1024);
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml(options).loadAll(text)) {
      if (document != null) {
        documents.add((Map<String, Object>) document);
      }
    }
    return documents;
  }

  /** Walks maps and lists: {@code at(doc, "spec", "template", "spec")}. */
  @SuppressWarnings("unchecked")
  static <T> T at(Object node, Object... keys) {
    Object current = node;
    for (Object key : keys) {
      if (current == null) {
        return null;
      }
      current =
          key instanceof Integer i
              ? ((List<Object>) current).get(i)
              : ((Map<?, ?>) current).get(key);
    }
    return (T) current;
  }
}

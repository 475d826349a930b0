// The soak's load generator: a realistic mix through the gateway with real tokens of the demo
// users, at a fixed offered rate (open loop: latency is measured from when a request was due, so a
// stall shows in the percentiles instead of lowering the rate), SSE streams open for the whole
// run, and each platform process's RSS, threads and open files sampled every 30 s.
//
//   java deploy/bench/Soak.java GATEWAY KEYCLOAK RUN_DIR RATE DURATION_S WARMUP_S REPORT_FILE
//
// Single file, JDK only (java.net.http, virtual threads): run by deploy/bench/soak.sh on JDK 21+.
// Pass criteria (issue 15): no errors other than intended 409/429; p99 of reads <= 200 ms; no RSS
// growth trend after warm-up (the second half of the measured period grows by at most 5 %);
// threads and open files at the end equal those after warm-up.
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Soak {

  record User(String name, String role, String region) {}

  static final List<User> USERS =
      List.of(
          new User("owner.hgt", "owner", "360113"),
          new User("owner.zg", "owner", "360702"),
          new User("coord.hgt", "coordinator", "360113"),
          new User("coord.nc", "coordinator", "360100"),
          new User("coord.zg", "coordinator", "360702"),
          new User("coord.gz", "coordinator", "360700"),
          new User("coord.jx", "coordinator", "360000"),
          new User("manager.nc", "manager", "360100"),
          new User("manager.jx", "manager", "360000"));

  /** One kind of request of the mix: who sends it, how often (weight), read or write. */
  record Op(String name, String role, int weight, boolean read) {}

  static final List<Op> MIX =
      List.of(
          new Op("owner: list projects", "owner", 14, true),
          new Op("owner: read project", "owner", 10, true),
          new Op("owner: file progress report", "owner", 4, false),
          new Op("owner: report blocker", "owner", 2, false),
          new Op("owner: read own cases", "owner", 6, true),
          new Op("coordinator: read queue", "coordinator", 16, true),
          new Op("coordinator: read case", "coordinator", 10, true),
          new Op("coordinator: read timeline", "coordinator", 4, true),
          new Op("coordinator: post message", "coordinator", 4, false),
          new Op("coordinator: accept case", "coordinator", 2, false),
          new Op("manager: dashboard", "manager", 8, true),
          new Op("manager: queue counts", "manager", 4, true),
          new Op("anyone: unread count", "any", 10, true),
          new Op("anyone: inbox page", "any", 6, true));

  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern EXPIRES = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

  final String gateway;
  final String keycloak;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();
  final Map<String, String[]> tokens = new ConcurrentHashMap<>(); // user -> {token, expiresAtMillis}
  final Map<String, List<String>> projectsOf = new ConcurrentHashMap<>();
  final Map<String, List<String>> casesOf = new ConcurrentHashMap<>();
  final Map<String, Stats> stats = new ConcurrentHashMap<>();
  final AtomicLong sseEvents = new AtomicLong();
  final AtomicLong sseReconnects = new AtomicLong();
  volatile boolean measuring;
  volatile boolean running = true;

  Soak(String gateway, String keycloak) {
    this.gateway = gateway;
    this.keycloak = keycloak;
  }

  /** Latencies (ms, from the moment a request was due) and status counts of one operation. */
  static final class Stats {
    final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    void record(double millis, String outcome) {
      latencies.add(millis);
      outcomes.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    double percentile(double p) {
      List<Double> copy;
      synchronized (latencies) {
        copy = new ArrayList<>(latencies);
      }
      if (copy.isEmpty()) return 0;
      Collections.sort(copy);
      return copy.get(Math.min(copy.size() - 1, (int) Math.ceil(p * copy.size()) - 1));
    }

    long unintendedErrors() {
      return outcomes.entrySet().stream()
          .filter(e -> !e.getKey().startsWith("2") && !e.getKey().equals("409") && !e.getKey().equals("429"))
          .mapToLong(e -> e.getValue().get())
          .sum();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println(
          "usage: java Soak.java GATEWAY KEYCLOAK RUN_DIR RATE DURATION_S WARMUP_S REPORT_FILE");
      System.exit(2);
    }
    Soak soak = new Soak(args[0], args[1]);
    Path runDir = Path.of(args[2]);
    double rate = Double.parseDouble(args[3]);
    int duration = Integer.parseInt(args[4]);
    int warmup = Integer.parseInt(args[5]);
    Path report = Path.of(args[6]);
    System.exit(soak.run(runDir, rate, duration, warmup, report) ? 0 : 1);
  }

  boolean run(Path runDir, double rate, int durationSeconds, int warmupSeconds, Path report)
      throws Exception {
    for (User user : USERS) {
      token(user.name());
    }
    for (User user : USERS) {
      if (user.role().equals("owner")) {
        // project-service loads the demo projects on its own thread after start
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        List<String> own = ids(get(user, "/api/projects?size=50").body());
        while (own.isEmpty() && System.nanoTime() < giveUp) {
          sleep(2000);
          own = ids(get(user, "/api/projects?size=50").body());
        }
        if (own.isEmpty()) {
          throw new IllegalStateException(user.name() + " sees no project: is the demo data on?");
        }
        projectsOf.put(user.name(), own);
      }
      if (!user.role().equals("owner")) {
        casesOf.put(user.name(), new ArrayList<>(ids(get(user, "/api/issues?size=50").body())));
      }
    }
    ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();
    for (User user : USERS) {
      streams.submit(() -> stream(user));
    }

    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    Thread sampler =
        Thread.ofVirtual()
            .start(
                () -> {
                  long start = System.nanoTime();
                  while (running) {
                    samples.add(Sample.take(runDir, (System.nanoTime() - start) / 1_000_000_000));
                    sleep(30_000);
                  }
                });

    ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    long intervalNanos = (long) (1_000_000_000 / rate);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(warmupSeconds + durationSeconds);
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long due = start;
    long sent = 0;
    int totalWeight = MIX.stream().mapToInt(Op::weight).sum();
    while (due < end) {
      long now = System.nanoTime();
      if (due > now) {
        TimeUnit.NANOSECONDS.sleep(due - now);
      }
      measuring = due >= measureFrom;
      Op op = pick(totalWeight);
      User user = pickUser(op.role());
      long dueAt = due;
      boolean count = measuring;
      requests.submit(() -> perform(op, user, dueAt, count));
      sent++;
      due += intervalNanos;
    }
    requests.shutdown();
    requests.awaitTermination(60, TimeUnit.SECONDS);
    samples.add(Sample.take(runDir, (System.nanoTime() - start) / 1_000_000_000));
    running = false;
    sampler.interrupt();
    streams.shutdownNow();

    return write(report, rate, durationSeconds, warmupSeconds, sent, samples);
  }

  static Op pick(int totalWeight) {
    int r = ThreadLocalRandom.current().nextInt(totalWeight);
    for (Op op : MIX) {
      r -= op.weight();
      if (r < 0) return op;
    }
    throw new IllegalStateException();
  }

  static User pickUser(String role) {
    List<User> candidates =
        USERS.stream().filter(u -> role.equals("any") || u.role().equals(role)).toList();
    return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
  }

  void perform(Op op, User user, long dueAt, boolean count) {
    String outcome;
    try {
      HttpResponse<String> response = send(op, user);
      outcome = String.valueOf(response.statusCode());
      remember(op, user, response);
    } catch (IOException | RuntimeException e) {
      outcome = e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (count) {
      stats.computeIfAbsent(op.name(), n -> new Stats())
          .record((System.nanoTime() - dueAt) / 1_000_000.0, outcome);
    }
  }

  HttpResponse<String> send(Op op, User user) throws IOException, InterruptedException {
    String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    return switch (op.name()) {
      case "owner: list projects" -> get(user, "/api/projects?size=20");
      case "owner: read project" -> get(user, "/api/projects/" + any(projectsOf.get(user.name())));
      case "owner: file progress report" ->
          write(
              "PUT",
              user,
              "/api/projects/" + any(projectsOf.get(user.name())) + "/progress-reports/" + period,
              "{\"investmentCompleted\":%d.5,\"physicalProgressPercent\":%d,\"workersOnSite\":%d,\"siteState\":\"WORKING\",\"note\":\"压测填报\"}"
                  .formatted(
                      ThreadLocalRandom.current().nextInt(100, 900),
                      ThreadLocalRandom.current().nextInt(1, 99),
                      ThreadLocalRandom.current().nextInt(10, 400)),
              null);
      case "owner: report blocker" ->
          write(
              "POST",
              user,
              "/api/issues",
              "{\"projectId\":\"%s\",\"title\":\"压测：施工用电接入延迟\",\"description\":\"供电公司未按期完成接入，影响设备调试\",\"category\":\"ENERGY\",\"urgency\":\"NORMAL\"}"
                  .formatted(any(projectsOf.get(user.name()))),
              UUID.randomUUID().toString());
      case "owner: read own cases" -> get(user, "/api/issues?size=20");
      case "coordinator: read queue" -> get(user, "/api/issues?size=20&sort=warning");
      case "coordinator: read case" -> caseCall(user, id -> get(user, "/api/issues/" + id));
      case "coordinator: read timeline" ->
          caseCall(user, id -> get(user, "/api/issues/" + id + "/timeline"));
      case "coordinator: post message" ->
          caseCall(
              user,
              id ->
                  write(
                      "POST",
                      user,
                      "/api/issues/" + id + "/messages",
                      "{\"body\":\"已协调供电公司，本周内完成接入\"}",
                      null));
      case "coordinator: accept case" -> {
        // only a case this coordinator's region holds and nobody accepted yet: anything else
        // would be a 403/409 the mix provoked, not one the platform chose
        List<String> open =
            ids(get(user, "/api/issues?status=OPEN&handlingRegion=" + user.region() + "&size=5").body());
        yield open.isEmpty()
            ? get(user, "/api/issues?size=20")
            : write("POST", user, "/api/issues/" + open.get(0) + "/accept", "{}", null);
      }
      case "manager: dashboard" ->
          get(user, "/api/dashboard?regionCode=" + user.region() + "&year=" + period.substring(0, 4));
      case "manager: queue counts" -> get(user, "/api/issues/counts?regionCode=" + user.region());
      case "anyone: unread count" -> get(user, "/api/notifications/unread-count");
      case "anyone: inbox page" -> get(user, "/api/notifications?size=20");
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  interface CaseCall {
    HttpResponse<String> call(String id) throws IOException, InterruptedException;
  }

  HttpResponse<String> caseCall(User user, CaseCall call) throws IOException, InterruptedException {
    List<String> cases = casesOf.get(user.name());
    if (cases.isEmpty()) {
      return get(user, "/api/issues?size=20");
    }
    String id;
    synchronized (cases) {
      id = any(cases);
    }
    return call.call(id);
  }

  /** New cases an owner reports become work for the coordinators who see the queue. */
  void remember(Op op, User user, HttpResponse<String> response) {
    if ((op.name().equals("coordinator: read queue")) && response.statusCode() == 200) {
      List<String> seen = ids(response.body());
      List<String> cases = casesOf.get(user.name());
      synchronized (cases) {
        for (String id : seen) {
          if (!cases.contains(id)) cases.add(id);
        }
        while (cases.size() > 200) cases.remove(0);
      }
    }
  }

  static String any(List<String> values) {
    return values.get(ThreadLocalRandom.current().nextInt(values.size()));
  }

  static List<String> ids(String body) {
    List<String> ids = new ArrayList<>();
    Matcher m = ID.matcher(body);
    while (m.find()) {
      if (!ids.contains(m.group(1))) ids.add(m.group(1));
    }
    return ids;
  }

  HttpResponse<String> get(User user, String path) throws IOException, InterruptedException {
    return exchange(user, path, b -> b.GET());
  }

  HttpResponse<String> write(String method, User user, String path, String body, String key)
      throws IOException, InterruptedException {
    return exchange(
        user,
        path,
        b -> {
          b.header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(body));
          if (key != null) b.header("Idempotency-Key", key);
          return b;
        });
  }

  interface Shape {
    HttpRequest.Builder apply(HttpRequest.Builder builder);
  }

  HttpResponse<String> exchange(User user, String path, Shape shape)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token(user.name()));
    return http.send(shape.apply(builder).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A password-grant token per user, renewed 30 s before it expires. */
  String token(String username) {
    String[] held = tokens.get(username);
    if (held != null && Long.parseLong(held[1]) > System.currentTimeMillis() + 30_000) {
      return held[0];
    }
    synchronized (this) {
      held = tokens.get(username);
      if (held != null && Long.parseLong(held[1]) > System.currentTimeMillis() + 30_000) {
        return held[0];
      }
      String form =
          "grant_type=password&client_id=cli&username="
              + URLEncoder.encode(username, StandardCharsets.UTF_8)
              + "&password=demo";
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/majorprojects/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS.matcher(response.body());
        Matcher expires = EXPIRES.matcher(response.body());
        if (response.statusCode() != 200 || !token.find() || !expires.find()) {
          throw new IllegalStateException("login of " + username + ": " + response.statusCode());
        }
        long expiresAt = System.currentTimeMillis() + Long.parseLong(expires.group(1)) * 1000;
        tokens.put(username, new String[] {token.group(1), String.valueOf(expiresAt)});
        return token.group(1);
      } catch (IOException e) {
        throw new IllegalStateException("login of " + username + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** One live notification stream per user for the whole run, reopened if it ends. */
  void stream(User user) {
    while (running) {
      try {
        HttpResponse<InputStream> response =
            http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/notifications/stream"))
                    .header("Authorization", "Bearer " + token(user.name()))
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
          byte[] buffer = new byte[8192];
          int n;
          while (running && (n = body.read(buffer)) >= 0) {
            String chunk = new String(buffer, 0, n, StandardCharsets.UTF_8);
            int at = -1;
            while ((at = chunk.indexOf("event:", at + 1)) >= 0) sseEvents.incrementAndGet();
          }
        }
      } catch (IOException | RuntimeException e) {
        // reopened below
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        sseReconnects.incrementAndGet();
        sleep(1000);
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * RSS (MiB), threads and open files of each component named by a pid file in the run dir, with
   * its child processes (Keycloak's pid file names kc.sh's shell; the JVM is its child).
   */
  record Sample(long second, Map<String, long[]> processes) {
    static Sample take(Path runDir, long second) {
      Map<String, List<String>> children = new TreeMap<>();
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          try {
            String stat = Files.readString(proc.resolve("stat"));
            String ppid = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
            children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(proc.getFileName().toString());
          } catch (IOException | RuntimeException e) {
            // gone since listed
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Map<String, long[]> processes = new TreeMap<>();
      try (var files = Files.list(runDir)) {
        for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
          String name = pidFile.getFileName().toString().replace(".pid", "");
          List<String> tree = new ArrayList<>(List.of(Files.readString(pidFile).trim()));
          for (int i = 0; i < tree.size(); i++) {
            tree.addAll(children.getOrDefault(tree.get(i), List.of()));
          }
          long[] total = new long[3];
          for (String pid : tree) {
            try {
              for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) total[0] += Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                if (line.startsWith("Threads:")) total[1] += Long.parseLong(line.replaceAll("\\D", ""));
              }
              try (var fd = Files.list(Path.of("/proc", pid, "fd"))) {
                total[2] += fd.count();
              }
            } catch (IOException e) {
              // a process that went away between listing and reading is left out of this sample
            }
          }
          processes.put(name, total);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return new Sample(second, processes);
    }
  }

  boolean write(
      Path report, double rate, int duration, int warmup, long sent, List<Sample> samples)
      throws IOException {
    StringBuilder out = new StringBuilder();
    long measured = stats.values().stream().mapToLong(s -> s.latencies.size()).sum();
    out.append("offered rate %.0f req/s; %d s warm-up, %d s measured; %d requests sent, %d measured (%.1f req/s)%n"
        .formatted(rate, warmup, duration, sent, measured, measured / (double) duration));
    out.append("SSE: %d streams open, %d events received, %d reopened%n%n"
        .formatted(USERS.size(), sseEvents.get(), sseReconnects.get()));
    out.append("| operation | requests | p50 ms | p99 ms | max ms | outcomes |\n|---|---|---|---|---|---|\n");
    boolean pass = true;
    double worstReadP99 = 0;
    long unintended = 0;
    for (Op op : MIX) {
      Stats s = stats.get(op.name());
      if (s == null) continue;
      double p99 = s.percentile(0.99);
      if (op.read()) worstReadP99 = Math.max(worstReadP99, p99);
      unintended += s.unintendedErrors();
      out.append("| %s | %d | %.1f | %.1f | %.1f | %s |%n"
          .formatted(op.name(), s.latencies.size(), s.percentile(0.5), p99, s.percentile(1.0),
              new TreeMap<>(s.outcomes)));
    }
    out.append("\n| s | ").append(String.join(" | ", samples.get(0).processes().keySet()))
        .append(" |\n|---|").append("---|".repeat(samples.get(0).processes().size())).append('\n');
    for (Sample sample : samples) {
      out.append("| ").append(sample.second()).append(" | ");
      for (long[] p : sample.processes().values()) {
        out.append("%d MiB, %d thr, %d fd | ".formatted(p[0], p[1], p[2]));
      }
      out.append('\n');
    }
    // after warm-up: the first sample at or after the warm-up; the end: the last sample
    Sample afterWarmup =
        samples.stream().filter(s -> s.second() >= warmup).findFirst().orElse(samples.get(0));
    Sample last = samples.get(samples.size() - 1);
    // the middle of the measured period: the first sample at or after it
    long middle = warmup + duration / 2;
    Sample halfway =
        samples.stream().filter(s -> s.second() >= middle).findFirst().orElse(last);
    List<String> verdicts = new ArrayList<>();
    verdicts.add(check(unintended == 0, "errors other than 409/429: " + unintended));
    verdicts.add(check(worstReadP99 <= 200, "worst p99 of a read: %.1f ms (≤ 200)".formatted(worstReadP99)));
    for (String name : afterWarmup.processes().keySet()) {
      long[] a = afterWarmup.processes().get(name);
      long[] b = last.processes().get(name);
      if (b == null) {
        verdicts.add(check(false, name + " is gone at the end"));
        continue;
      }
      // RSS: a trend is growth that goes on. A leak grows in the second half of the measured period
      // as it did in the first; a JVM whose heap is still being committed up to its -Xmx (Serial
      // GC commits it gradually; the embedded MongoDB starts far below its limit) grows at first
      // and then stays. So the second half may grow by at most 5 % (GC and arenas move a few MiB);
      // the whole period's growth is shown beside it.
      long[] h = halfway.processes().getOrDefault(name, a);
      verdicts.add(
          check(
              b[0] <= h[0] * 1.05,
              "%s RSS %d → %d → %d MiB (after warm-up → %d s → end; second half %+.1f %%)"
                  .formatted(name, a[0], h[0], b[0], halfway.second(), 100.0 * (b[0] - h[0]) / h[0])));
      // threads and files: pools may park a few idle threads; more than 5 more is a leak
      verdicts.add(check(b[1] <= a[1] + 5, "%s threads %d → %d".formatted(name, a[1], b[1])));
      verdicts.add(check(b[2] <= a[2] + 5, "%s open files %d → %d".formatted(name, a[2], b[2])));
    }
    out.append('\n');
    for (String verdict : verdicts) {
      out.append("- ").append(verdict).append('\n');
      pass &= verdict.startsWith("pass");
    }
    out.append(pass ? "\nSOAK PASSED\n" : "\nSOAK FAILED\n");
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, out);
    System.out.print(out);
    return pass;
  }

  static String check(boolean ok, String what) {
    return (ok ? "pass: " : "FAIL: ") + what;
  }
}

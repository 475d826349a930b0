package cn.gov.jx.majorprojects.support.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The follower against a stand-in for project-service's {@code GET /internal/regions}. */
class RegionTreeFollowerTests {

  static final List<Region> BEIJING =
      List.of(
          new Region("110000", "北京市", null, RegionLevel.PROVINCE, null),
          new Region("110100", "市辖区", null, RegionLevel.CITY, "110000"),
          new Region("110101", "东城区", null, RegionLevel.COUNTY, "110100"));

  final AtomicReference<String> answer = new AtomicReference<>();
  final AtomicReference<String> authorization = new AtomicReference<>();
  HttpServer owner;
  RegionTree tree;
  RegionTreeFollower follower;

  @BeforeEach
  void start() throws IOException {
    owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    owner.createContext(
        RegionTreeFollower.PATH,
        exchange -> {
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          String body = answer.get();
          if (body == null) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    owner.start();
    tree = RegionTree.bundled();
    RestClient client =
        RestClient.builder()
            .baseUrl("http://127.0.0.1:" + owner.getAddress().getPort())
            .defaultHeader("Authorization", "Bearer svc")
            .build();
    follower = new RegionTreeFollower(tree, client, Duration.ofMinutes(5));
  }

  @AfterEach
  void stop() {
    owner.stop(0);
  }

  static String json(List<Region> regions) {
    return JsonMapper.shared().writeValueAsString(regions);
  }

  @Test
  void anImportedProvinceBecomesVisibleAndTheHomeProvinceStaysTheRoot() {
    List<Region> owners = new ArrayList<>(RegionTree.bundled().all());
    owners.addAll(BEIJING);
    answer.set(json(owners));

    assertThat(follower.refresh()).isTrue();

    assertThat(authorization.get()).isEqualTo("Bearer svc");
    assertThat(tree.size()).isEqualTo(115);
    assertThat(tree.isWithin("110101", "110000")).isTrue();
    assertThat(tree.root().code()).isEqualTo("360000");
  }

  @Test
  void whileTheOwnerIsDownTheKnownTreeStays() {
    assertThat(follower.refresh()).isFalse();

    assertThat(tree.size()).isEqualTo(112);
    assertThat(tree.isWithin("360113", "360100")).isTrue();
  }

  @Test
  void anAnswerThatLosesKnownDivisionsIsIgnored() {
    answer.set(json(BEIJING));

    assertThat(follower.refresh()).isFalse();

    assertThat(tree.contains("360113")).isTrue();
    assertThat(tree.contains("110101")).isFalse();
  }
}

package cn.gov.jx.majorprojects.notifications.client.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.DeliveryFailure;
import cn.gov.jx.majorprojects.notifications.delivery.OutboundMessage;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DingTalk-style robot against WireMock. */
class WebhookRobotTests {

  static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  WireMockServer robot = new WireMockServer(wireMockConfig().dynamicPort());
  WebhookRobot sender;

  @BeforeEach
  void start() {
    robot.start();
    sender =
        new WebhookRobot(
            new NotificationProperties(
                null,
                null,
                new NotificationProperties.Webhook(
                    List.of("localhost"), true, Duration.ofSeconds(2)),
                null,
                null,
                null),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    robot.stop();
  }

  OutboundMessage to(String secret) {
    return new OutboundMessage(
        robot.baseUrl() + "/robot/send?access_token=abc", secret, "subject", "问题亮红灯\n/issues/i1");
  }

  @Test
  void postsATextMessageSignedWithTimestampAndSecret() throws Exception {
    robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0}")));
    sender.send(to("SEC-demo"));

    var request = robot.getAllServeEvents().get(0).getRequest();
    assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("abc");
    assertThat(request.queryParameter("timestamp").firstValue())
        .isEqualTo(String.valueOf(NOW.toEpochMilli()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("SEC-demo".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal((NOW.toEpochMilli() + "\nSEC-demo").getBytes(StandardCharsets.UTF_8)));
    // the raw query carries the URL-encoded signature (Base64 has + / =)
    String rawSign = request.getUrl().replaceAll(".*[?&]sign=([^&]*).*", "$1");
    assertThat(URLDecoder.decode(rawSign, StandardCharsets.UTF_8)).isEqualTo(expected);
    robot.verify(
        postRequestedFor(urlPathEqualTo("/robot/send"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"msgtype":"text","text":{"content":"问题亮红灯\\n/issues/i1"}}""")));
  }

  @Test
  void anInternalAddressIsRefusedAtSendTimeWithoutCallingIt() {
    robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0}")));
    String internal = robot.baseUrl().replace("localhost", "127.0.0.1") + "/robot/send";
    assertThatThrownBy(() -> sender.send(new OutboundMessage(internal, null, "s", "b")))
        .isInstanceOf(DeliveryFailure.class)
        .hasMessageContaining("internal address");
    assertThat(robot.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRobotRefusingWithAnErrcodeIsADeliveryFailure() {
    robot.stubFor(
        post(urlPathEqualTo("/robot/send"))
            .willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
    assertThatThrownBy(() -> sender.send(to("wrong")))
        .isInstanceOf(DeliveryFailure.class)
        .hasMessageContaining("sign not match");
  }

  @Test
  void aRedirectIsNotFollowedAndFails() {
    robot.stubFor(
        post(urlPathEqualTo("/robot/send"))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/")));
    assertThatThrownBy(() -> sender.send(to(null)))
        .isInstanceOf(DeliveryFailure.class)
        .hasMessageContaining("302");
  }

  @Test
  void aServerErrorOrATimeoutIsADeliveryFailure() {
    robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> sender.send(to(null))).isInstanceOf(DeliveryFailure.class);
    robot.resetAll();
    robot.stubFor(
        post(urlPathEqualTo("/robot/send"))
            .willReturn(okJson("{\"errcode\":0}").withFixedDelay(5000)));
    assertThatThrownBy(() -> sender.send(to(null))).isInstanceOf(DeliveryFailure.class);
  }
}

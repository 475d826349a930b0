package cn.gov.jx.majorprojects.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressPolicyTests {

  /** A fake DNS: names map to fixed addresses, as an attacker's zone could. */
  static final Map<String, String> DNS =
      Map.of(
          "oapi.dingtalk.com", "203.119.169.10",
          "sneaky.example.com", "10.0.0.5",
          "metadata.example.com", "169.254.169.254",
          "cgnat.example.com", "100.64.1.1",
          "robot.internal.gov.cn", "192.168.1.20");

  final WebhookAddressPolicy policy =
      new WebhookAddressPolicy(
          Set.of("robot.internal.gov.cn"),
          host -> new InetAddress[] {InetAddress.getByName(DNS.getOrDefault(host, host))});

  @Test
  void aPublicHttpsRobotIsFine() {
    assertThat(policy.problem("https://oapi.dingtalk.com/robot/send?access_token=x")).isEmpty();
  }

  @Test
  void anOperatorListedHostIsFineEvenThoughItIsPrivate() {
    assertThat(policy.problem("https://robot.internal.gov.cn/hook")).isEmpty();
  }

  @Test
  void plainHttpIsRefused() {
    assertThat(policy.problem("http://oapi.dingtalk.com/robot/send"))
        .hasValue("must be an https URL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/x",
        "https://localhost/x",
        "https://[::1]/x",
        "https://sneaky.example.com/x",
        "https://metadata.example.com/latest/meta-data",
        "https://cgnat.example.com/x",
        "https://0.0.0.0/x",
        "https://[fd00::1]/x"
      })
  void internalAddressesAreRefusedAfterResolution(String url) {
    assertThat(policy.problem(url)).hasValue("must not point to an internal address");
  }
}

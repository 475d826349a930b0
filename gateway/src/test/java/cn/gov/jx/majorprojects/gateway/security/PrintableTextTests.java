package cn.gov.jx.majorprojects.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The gateway's loops agree with the regular expressions they replace (issue 13). */
class PrintableTextTests {

  /** Every code point of the Basic Multilingual Plane and a few beyond, alone and in context. */
  static List<String> samples() {
    List<String> samples = new ArrayList<>();
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      samples.add(new String(Character.toChars(cp)));
      samples.add("ab" + new String(Character.toChars(cp)) + "cd");
    }
    for (int cp : new int[] {0x1F600, 0x10FFFF, 0xE0001, 0x2A6D6, 0x30000, 0xEFFFF}) {
      samples.add("x" + new String(Character.toChars(cp)));
    }
    samples.add("");
    samples.add("\uD800"); // a lone surrogate
    samples.add("a\tb");
    samples.add("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
    samples.add("重大项目 协调 ✓");
    return samples;
  }

  @Test
  void agreesWithSpringSecuritysFirewallOnEveryCodePoint() {
    for (String sample : samples()) {
      String codePoints = sample.codePoints().mapToObj(Integer::toHexString).toList().toString();
      assertThat(PrintableText.NAMES.test(sample))
          .as("name %s", codePoints)
          .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(sample))
          .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES.test(sample));
      assertThat(PrintableText.HEADER_VALUES.test(sample))
          .as("header value %s", codePoints)
          .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(sample));
    }
  }

  @Test
  void anAbsentHeaderPassesAsWithSpring() {
    assertThat(PrintableText.HEADER_VALUES.test(null))
        .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null))
        .isTrue();
  }

  @Test
  void theBearerTokenCheckAgreesWithRfc6750sB64TokenPattern() {
    Pattern b64token = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    List<String> tokens = new ArrayList<>(samples());
    tokens.addAll(
        List.of(
            "abc", "abc=", "abc==", "=", "==", "a=b", "a b", "a.b-c_d~e+f/g", "x\u0000", " abc"));
    for (String token : tokens) {
      assertThat(BearerAuthentication.isB64Token(token))
          .as("%s", token.codePoints().mapToObj(Integer::toHexString).toList())
          .isEqualTo(b64token.matcher(token).matches());
    }
  }
}

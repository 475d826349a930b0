package cn.gov.jx.majorprojects.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTests {

  @Test
  void aVersionIsReadPlainQuotedOrWeak() {
    assertThat(IfMatch.version("7", "the issue's")).isEqualTo(7L);
    assertThat(IfMatch.version(" \"7\" ", "the issue's")).isEqualTo(7L);
    assertThat(IfMatch.version("W/\"7\"", "the issue's")).isEqualTo(7L);
  }

  @Test
  void noHeaderIsNoCondition() {
    assertThat(IfMatch.version(null, "the issue's")).isNull();
    assertThat(IfMatch.version("  ", "the issue's")).isNull();
  }

  @Test
  void anythingElseIs400NamingTheHeaderAndWhoseVersionItMustBe() {
    assertThatThrownBy(() -> IfMatch.version("*", "the group's"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              assertThat(e.errors().get(0).field()).isEqualTo("If-Match");
              assertThat(e.errors().get(0).message())
                  .isEqualTo("must be the group's version number");
            });
  }
}

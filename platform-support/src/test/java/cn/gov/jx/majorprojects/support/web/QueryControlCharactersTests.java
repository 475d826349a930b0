package cn.gov.jx.majorprojects.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryControlCharactersTests {

  @Test
  void aControlCharacterInAQueryValueNamesItsParameter() {
    assertThat(QueryControlCharacters.refusedParameter("level=%00")).isEqualTo("level");
    assertThat(QueryControlCharacters.refusedParameter("page=0&warning=RED%00"))
        .isEqualTo("warning");
    assertThat(QueryControlCharacters.refusedParameter("q=a%0Ab")).isEqualTo("q");
    assertThat(QueryControlCharacters.refusedParameter("q=%09")).isEqualTo("q");
    assertThat(QueryControlCharacters.refusedParameter("x%00=1")).isEqualTo("?");
  }

  @Test
  void ordinaryQueriesPassIncludingEmptyValuesAndChinese() {
    assertThat(QueryControlCharacters.refusedParameter(null)).isNull();
    assertThat(QueryControlCharacters.refusedParameter("")).isNull();
    assertThat(QueryControlCharacters.refusedParameter("level=&status=OPEN&sort=warning")).isNull();
    assertThat(QueryControlCharacters.refusedParameter("q=%E7%BA%A2%E8%B0%B7%E6%BB%A9+%E7%AB%99"))
        .isNull();
    assertThat(QueryControlCharacters.refusedParameter("flag")).isNull();
  }
}

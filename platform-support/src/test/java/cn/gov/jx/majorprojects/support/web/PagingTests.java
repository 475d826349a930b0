package cn.gov.jx.majorprojects.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

class PagingTests {

  static final Set<String> SORTABLE = Set.of("code", "name");

  static FieldProblem refusal(Runnable parse) {
    try {
      parse.run();
    } catch (BadRequestException e) {
      return e.errors().get(0);
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aNegativePageOrASizeOutsideOneToAHundredIsRefusedNamingTheParameter() {
    Sort order = Sort.by("createdAt");
    assertThat(refusal(() -> Paging.of(-1, 20, order)).field()).isEqualTo("page");
    assertThat(refusal(() -> Paging.of(0, 0, order)).field()).isEqualTo("size");
    assertThat(refusal(() -> Paging.of(0, 101, order)).field()).isEqualTo("size");
    assertThat(Paging.of(0, 100, order)).isEqualTo(PageRequest.of(0, 100, order));
  }

  @Test
  void theCallersSortIsOneKnownFieldThenTheTieBreaker() {
    assertThat(Paging.of(2, 10, "name,desc", SORTABLE, "code").getSort())
        .isEqualTo(Sort.by(Sort.Direction.DESC, "name").and(Sort.by("code")));
    assertThat(Paging.of(0, 10, "name", SORTABLE, "code").getSort())
        .isEqualTo(Sort.by("name").and(Sort.by("code")));
    assertThat(Paging.of(0, 10, "code,desc", SORTABLE, "code").getSort())
        .isEqualTo(Sort.by(Sort.Direction.DESC, "code"));
  }

  @Test
  void anUnknownFieldOrDirectionIsRefused() {
    assertThat(refusal(() -> Paging.of(0, 10, "secret", SORTABLE, "code")).field())
        .isEqualTo("sort");
    assertThat(refusal(() -> Paging.of(0, 10, "name,sideways", SORTABLE, "code")).message())
        .isEqualTo("direction is asc or desc");
    assertThatThrownBy(() -> Paging.of(0, 10, "name,asc,x", SORTABLE, "code"))
        .isInstanceOf(BadRequestException.class);
  }
}

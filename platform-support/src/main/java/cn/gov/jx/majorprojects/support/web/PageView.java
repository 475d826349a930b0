package cn.gov.jx.majorprojects.support.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list as every API answers it: the items and where they sit in the whole. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

  public static <T> PageView<T> of(Page<T> page) {
    return new PageView<>(
        page.getContent(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }

  public static <S, T> PageView<T> of(Page<S> page, Function<S, T> mapper) {
    return of(page.map(mapper::apply));
  }
}

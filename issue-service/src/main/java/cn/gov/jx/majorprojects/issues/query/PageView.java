package cn.gov.jx.majorprojects.issues.query;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of a list as the API answers it. */
record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

  static <S, T> PageView<T> of(Page<S> page, Function<S, T> mapper) {
    return new PageView<>(
        page.getContent().stream().map(mapper).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}

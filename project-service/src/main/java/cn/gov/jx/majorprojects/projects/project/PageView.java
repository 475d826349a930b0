package cn.gov.jx.majorprojects.projects.project;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a list: the items and where they sit in the whole. */
record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

  static <T> PageView<T> of(Page<T> page) {
    return new PageView<>(
        page.getContent(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}

package cn.gov.jx.majorprojects.support.web;

import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The paging parameters of every list: {@code page} 0 or more, {@code size} 1 to {@value #MAX_SIZE}
 * (more is refused, not clamped), and {@code sort=field[,asc|desc]} on a field the list allows.
 * Anything else is a 400 problem naming the parameter.
 */
public final class Paging {

  public static final int MAX_SIZE = 100;

  private Paging() {}

  /** A page in the list's fixed order. */
  public static PageRequest of(int page, int size, Sort order) {
    if (page < 0) {
      throw BadRequestException.field("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw BadRequestException.field("size", "must be between 1 and " + MAX_SIZE);
    }
    return PageRequest.of(page, size, order);
  }

  /**
   * A page in the caller's order: one sortable field, ascending unless {@code desc}, then {@code
   * tieBreaker} ascending so that pages stay stable where the field repeats.
   */
  public static PageRequest of(
      int page, int size, String sort, Set<String> sortable, String tieBreaker) {
    String[] parts = sort.split(",");
    String field = parts[0].strip();
    if (!sortable.contains(field) || parts.length > 2) {
      throw BadRequestException.field("sort", "sortable fields are " + sortable);
    }
    Sort.Direction direction = Sort.Direction.ASC;
    if (parts.length == 2) {
      direction =
          Sort.Direction.fromOptionalString(parts[1].strip())
              .orElseThrow(() -> BadRequestException.field("sort", "direction is asc or desc"));
    }
    Sort order = Sort.by(direction, field);
    if (!field.equals(tieBreaker)) {
      order = order.and(Sort.by(tieBreaker));
    }
    return of(page, size, order);
  }
}

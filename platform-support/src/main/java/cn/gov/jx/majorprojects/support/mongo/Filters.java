package cn.gov.jx.majorprojects.support.mongo;

import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;

/** The conditions of a list's optional filters. */
public final class Filters {

  private Filters() {}

  /** Adds {@code field = value} to {@code all} when the filter was given (null: no condition). */
  public static void equalIfGiven(List<Criteria> all, String field, Object value) {
    if (value != null) {
      all.add(Criteria.where(field).is(value));
    }
  }
}

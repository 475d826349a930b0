package cn.gov.jx.majorprojects.issues.cluster;

import cn.gov.jx.majorprojects.issues.issue.Category;
import java.util.EnumMap;
import java.util.Map;

/** The Chinese names of the categories (DESIGN.md), for the reasons shown to coordinators. */
final class CategoryNames {

  private static final Map<Category, String> NAMES = new EnumMap<>(Category.class);

  static {
    NAMES.put(Category.LAND, "用地");
    NAMES.put(Category.FUNDING, "资金");
    NAMES.put(Category.PERMIT, "审批");
    NAMES.put(Category.LABOR, "用工");
    NAMES.put(Category.MATERIALS, "物资");
    NAMES.put(Category.LOGISTICS, "物流");
    NAMES.put(Category.ENERGY, "用能");
    NAMES.put(Category.EPIDEMIC_CONTROL, "防疫");
    NAMES.put(Category.DEMOLITION, "征迁");
    NAMES.put(Category.OTHER, "其他");
  }

  private CategoryNames() {}

  static String of(Category category) {
    return category == null ? "未分类" : NAMES.get(category);
  }
}

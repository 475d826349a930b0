package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an imported province before anything is stored: code shapes, levels that follow from the
 * codes, one province at the top, every parent present and one level up, no cycles, no duplicates,
 * and no division that already sits elsewhere in the stored tree.
 */
final class RegionTreeValidator {

  private RegionTreeValidator() {}

  record Division(String code, String name, RegionLevel level, String parent) {}

  static List<FieldProblem> problems(List<Division> divisions, RegionTree stored) {
    List<FieldProblem> errors = new ArrayList<>();
    if (divisions == null || divisions.isEmpty()) {
      errors.add(new FieldProblem("regions", "must list at least one division"));
      return errors;
    }
    Map<String, Division> byCode = new HashMap<>();
    for (int i = 0; i < divisions.size(); i++) {
      Division d = divisions.get(i);
      String at = "[" + i + "]";
      if (d == null) {
        errors.add(new FieldProblem(at, "is empty"));
        continue;
      }
      if (!RegionTree.isWellFormed(d.code())) {
        errors.add(new FieldProblem(at + ".code", "must be 6 digits, was " + d.code()));
        continue;
      }
      if (d.name() == null || d.name().isBlank()) {
        errors.add(new FieldProblem(at + ".name", d.code() + ": name is required"));
      }
      RegionLevel shape = RegionLevel.ofCode(d.code());
      if (d.level() != shape) {
        errors.add(
            new FieldProblem(
                at + ".level", d.code() + ": the code is a " + shape + ", not a " + d.level()));
      }
      if (d.parent() != null && !RegionTree.isWellFormed(d.parent())) {
        errors.add(new FieldProblem(at + ".parent", d.code() + ": parent must be 6 digits"));
      }
      if (byCode.putIfAbsent(d.code(), d) != null) {
        errors.add(new FieldProblem(at + ".code", d.code() + " is listed twice"));
      }
    }
    List<Division> roots = byCode.values().stream().filter(d -> d.parent() == null).toList();
    if (roots.size() != 1) {
      errors.add(
          new FieldProblem("regions", "must have exactly one top division, has " + roots.size()));
    } else if (roots.get(0).level() != RegionLevel.PROVINCE) {
      errors.add(new FieldProblem("regions", roots.get(0).code() + ": the top must be a province"));
    }
    for (Division d : byCode.values()) {
      if (d.parent() == null) {
        continue;
      }
      Division parent = byCode.get(d.parent());
      if (parent == null) {
        errors.add(
            new FieldProblem("parent", d.code() + ": parent " + d.parent() + " is not listed"));
      } else if (d.level() != null && parent.level() != d.level().up()) {
        errors.add(
            new FieldProblem(
                "level", d.code() + ": a " + d.level() + " cannot sit under a " + parent.level()));
      }
      Region existing = stored.find(d.code()).orElse(null);
      if (existing != null && !java.util.Objects.equals(existing.parent(), d.parent())) {
        errors.add(
            new FieldProblem(
                "code", d.code() + " already exists under " + existing.parent() + "; not moved"));
      }
    }
    for (Division d : byCode.values()) {
      Set<String> seen = new HashSet<>();
      Division current = d;
      while (current != null && current.parent() != null) {
        if (!seen.add(current.code())) {
          errors.add(new FieldProblem("parent", d.code() + ": parents form a cycle"));
          break;
        }
        current = byCode.get(current.parent());
      }
    }
    errors.sort(
        java.util.Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
    return errors;
  }
}

package cn.gov.jx.majorprojects.projects.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.projects.region.RegionTreeValidator.Division;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTreeValidatorTests {

  static final RegionTree JIANGXI = RegionTree.bundled();

  static List<Division> beijing() {
    return new ArrayList<>(
        List.of(
            new Division("110000", "北京市", RegionLevel.PROVINCE, null),
            new Division("110100", "市辖区", RegionLevel.CITY, "110000"),
            new Division("110101", "东城区", RegionLevel.COUNTY, "110100"),
            new Division("110102", "西城区", RegionLevel.COUNTY, "110100")));
  }

  static List<String> messages(List<Division> divisions) {
    return RegionTreeValidator.problems(divisions, JIANGXI).stream()
        .map(p -> p.field() + " " + p.message())
        .toList();
  }

  @Test
  void aWellFormedProvinceHasNoProblems() {
    assertThat(RegionTreeValidator.problems(beijing(), JIANGXI)).isEmpty();
  }

  @Test
  void anOrphanIsNamed() {
    List<Division> tree = beijing();
    tree.add(new Division("110201", "密云区", RegionLevel.COUNTY, "110200"));
    assertThat(messages(tree)).containsExactly("parent 110201: parent 110200 is not listed");
  }

  @Test
  void aCycleIsNamed() {
    List<Division> tree = beijing();
    tree.add(new Division("110300", "甲", RegionLevel.CITY, "110301"));
    tree.add(new Division("110301", "乙", RegionLevel.COUNTY, "110300"));
    tree.set(1, new Division("110100", "市辖区", RegionLevel.CITY, "110000"));
    assertThat(messages(tree))
        .contains("parent 110300: parents form a cycle", "parent 110301: parents form a cycle");
  }

  @Test
  void wrongCodeShapesAndLevelsThatDoNotFollowTheCodeAreNamed() {
    List<Division> tree = beijing();
    tree.add(new Division("11010", "短码", RegionLevel.COUNTY, "110100"));
    tree.add(new Division("110105", "朝阳区", RegionLevel.CITY, "110100"));
    List<FieldProblem> problems = RegionTreeValidator.problems(tree, JIANGXI);
    assertThat(problems)
        .extracting(FieldProblem::message)
        .contains("must be 6 digits, was 11010", "110105: the code is a COUNTY, not a CITY");
  }

  @Test
  void wrongNestingTwoTopsAndMovingAStoredDivisionAreRefused() {
    List<Division> tree = beijing();
    tree.add(new Division("110106", "丰台区", RegionLevel.COUNTY, "110000"));
    assertThat(messages(tree))
        .containsExactly("level 110106: a COUNTY cannot sit under a PROVINCE");

    List<Division> twoTops = beijing();
    twoTops.add(new Division("120000", "天津市", RegionLevel.PROVINCE, null));
    assertThat(messages(twoTops))
        .containsExactly("regions must have exactly one top division, has 2");

    List<Division> moving = beijing();
    moving.add(new Division("360113", "红谷滩区", RegionLevel.COUNTY, "110100"));
    assertThat(messages(moving))
        .containsExactly("code 360113 already exists under 360100; not moved");
  }
}

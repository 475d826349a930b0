package cn.gov.jx.majorprojects.support.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionTreeTests {

  private final RegionTree tree = RegionTree.bundled();

  @Test
  void bundledJiangxiTreeHasOneProvinceElevenCitiesAndAHundredCounties() {
    assertThat(tree.root().code()).isEqualTo("360000");
    assertThat(tree.root().name()).isEqualTo("江西省");
    assertThat(tree.all().stream().filter(r -> r.level() == RegionLevel.CITY)).hasSize(11);
    assertThat(tree.all().stream().filter(r -> r.level() == RegionLevel.COUNTY)).hasSize(100);
  }

  @Test
  void countyIsWithinItsCityAndProvinceButNotAnotherCity() {
    assertThat(tree.isWithin("360113", "360113")).isTrue();
    assertThat(tree.isWithin("360113", "360100")).isTrue();
    assertThat(tree.isWithin("360113", "360000")).isTrue();
    assertThat(tree.isWithin("360113", "360700")).isFalse();
    assertThat(tree.isWithin("360100", "360113")).isFalse();
    assertThat(tree.isWithin("999999", "360000")).isFalse();
  }

  @Test
  void subtreeAndPathToRoot() {
    assertThat(tree.subtree("360100")).first().extracting(Region::code).isEqualTo("360100");
    assertThat(tree.subtree("360100")).extracting(Region::code).contains("360113", "360102");
    assertThat(tree.subtree("360100")).extracting(Region::code).doesNotContain("360702");
    assertThat(tree.pathToRoot("360702"))
        .extracting(Region::code)
        .containsExactly("360702", "360700", "360000");
    assertThat(tree.parent("360702")).map(Region::name).hasValue("赣州市");
  }

  @Test
  void levelFollowsFromTheCode() {
    assertThat(RegionLevel.ofCode("360000")).isEqualTo(RegionLevel.PROVINCE);
    assertThat(RegionLevel.ofCode("360100")).isEqualTo(RegionLevel.CITY);
    assertThat(RegionLevel.ofCode("360113")).isEqualTo(RegionLevel.COUNTY);
    assertThat(RegionLevel.COUNTY.up()).isEqualTo(RegionLevel.CITY);
    assertThat(RegionLevel.PROVINCE.up()).isNull();
    assertThatThrownBy(() -> RegionLevel.ofCode("36011"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

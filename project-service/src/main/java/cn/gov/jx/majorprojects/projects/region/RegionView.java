package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A region with its children, as the API answers it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RegionView(
    String code,
    String name,
    String nameEn,
    RegionLevel level,
    String parent,
    List<RegionView> children) {

  static RegionView deep(RegionTree tree, Region region) {
    return new RegionView(
        region.code(),
        region.name(),
        region.nameEn(),
        region.level(),
        region.parent(),
        tree.children(region.code()).stream().map(child -> deep(tree, child)).toList());
  }
}

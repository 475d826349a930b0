package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One division as stored; the code is the id. */
@Document("regions")
record RegionDocument(
    @Id String code, String name, String nameEn, RegionLevel level, @Indexed String parent) {

  static RegionDocument of(Region region) {
    return new RegionDocument(
        region.code(), region.name(), region.nameEn(), region.level(), region.parent());
  }

  Region toRegion() {
    return new Region(code, name, nameEn, level, parent);
  }
}

package cn.gov.jx.majorprojects.support.security;

import cn.gov.jx.majorprojects.support.region.RegionTree;

/**
 * "Is this region inside my jurisdiction?": everyone sees their own region and the regions below
 * it, nothing else.
 */
public class Jurisdiction {

  private final RegionTree tree;

  public Jurisdiction(RegionTree tree) {
    this.tree = tree;
  }

  public boolean covers(PlatformUser user, String regionCode) {
    return user.region() != null && tree.isWithin(regionCode, user.region());
  }

  public RegionTree tree() {
    return tree;
  }
}

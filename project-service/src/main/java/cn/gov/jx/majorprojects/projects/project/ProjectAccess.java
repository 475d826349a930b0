package cn.gov.jx.majorprojects.projects.project;

import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;

/**
 * Who sees and who changes a project: admins everything, coordinators and managers their region's
 * subtree, owners only their organisation's projects. Only admins and managers change the registry.
 */
final class ProjectAccess {

  private ProjectAccess() {}

  static boolean canRead(PlatformUser user, Project project, RegionTree tree) {
    if (user.has(PlatformRole.ADMIN)) {
      return true;
    }
    if (user.hasAny(PlatformRole.COORDINATOR, PlatformRole.MANAGER)
        && tree.isWithin(project.getRegionCode(), user.region())) {
      return true;
    }
    return user.has(PlatformRole.OWNER)
        && user.org() != null
        && user.org().equals(project.getOwnerOrg());
  }

  /** Whether the caller may register or change a project in {@code regionCode}. */
  static boolean canWrite(PlatformUser user, String regionCode, RegionTree tree) {
    if (user.has(PlatformRole.ADMIN)) {
      return true;
    }
    return user.has(PlatformRole.MANAGER) && tree.isWithin(regionCode, user.region());
  }
}

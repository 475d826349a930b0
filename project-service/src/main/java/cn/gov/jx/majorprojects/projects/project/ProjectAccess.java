package cn.gov.jx.majorprojects.projects.project;

import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;

/**
 * Who sees and who changes a project: admins everything, coordinators and managers what lies in
 * their {@link Jurisdiction}, owners only their organisation's projects. Only admins and managers
 * change the registry.
 */
final class ProjectAccess {

  private ProjectAccess() {}

  static boolean canRead(PlatformUser user, Project project, Jurisdiction jurisdiction) {
    if (user.has(PlatformRole.ADMIN)) {
      return true;
    }
    if (user.hasAny(PlatformRole.COORDINATOR, PlatformRole.MANAGER)
        && jurisdiction.covers(user, project.getRegionCode())) {
      return true;
    }
    return user.has(PlatformRole.OWNER)
        && user.org() != null
        && user.org().equals(project.getOwnerOrg());
  }

  /** Whether the caller may register or change a project in {@code regionCode}. */
  static boolean canWrite(PlatformUser user, String regionCode, Jurisdiction jurisdiction) {
    if (user.has(PlatformRole.ADMIN)) {
      return true;
    }
    return user.has(PlatformRole.MANAGER) && jurisdiction.covers(user, regionCode);
  }
}

package cn.gov.jx.majorprojects.notifications.recipient;

import cn.gov.jx.majorprojects.support.security.PlatformRole;
import java.util.List;

/** Who holds a realm role (Keycloak in production). */
public interface UserDirectory {

  List<DirectoryUser> usersWithRole(PlatformRole role);
}

package cn.gov.jx.majorprojects.notifications.recipient;

import cn.gov.jx.majorprojects.support.security.PlatformRole;

/** A platform user as the user directory knows them: one role, their region and organisation. */
public record DirectoryUser(
    String username, PlatformRole role, String region, String org, String email) {}

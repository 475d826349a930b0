package cn.gov.jx.majorprojects.projects.project;

/** The shape of contract 1, for issue-service. */
record InternalProjectView(
    String id,
    String code,
    String name,
    ProjectLevel level,
    String regionCode,
    String ownerOrg,
    String ownerOrgName,
    ProjectStatus status) {

  static InternalProjectView of(Project p) {
    return new InternalProjectView(
        p.getId(),
        p.getCode(),
        p.getName(),
        p.getLevel(),
        p.getRegionCode(),
        p.getOwnerOrg(),
        p.getOwnerOrgName(),
        p.getStatus());
  }
}

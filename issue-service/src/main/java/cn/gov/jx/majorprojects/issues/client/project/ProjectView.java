package cn.gov.jx.majorprojects.issues.client.project;

/** A project as project-service's {@code /internal/projects} answers it (contract 1). */
public record ProjectView(
    String id,
    String code,
    String name,
    String level,
    String regionCode,
    String ownerOrg,
    String ownerOrgName,
    String status) {

  /** An answer about project {@code id} with what a case is built from (not some other shape). */
  boolean isAnswerAbout(String id) {
    return id.equals(this.id) && isText(name) && isText(regionCode) && isText(ownerOrg);
  }

  private static boolean isText(String s) {
    return s != null && !s.isBlank();
  }
}

package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees a case and who acts on it. A caller who cannot see it gets 404 (its existence does not
 * leak); one who sees it without the right role or region 403; the role is checked before the
 * version, so a caller who may not act is told so, not to reload.
 */
@Component
public class CaseAccess {

  private final IssueStore store;
  private final Jurisdiction jurisdiction;

  CaseAccess(IssueStore store, Jurisdiction jurisdiction) {
    this.store = store;
    this.jurisdiction = jurisdiction;
  }

  /** The case if the caller may see it; 404 otherwise. */
  public Issue visible(String id, PlatformUser user) {
    return store.find(id).filter(i -> canSee(i, user)).orElseThrow(() -> notFound(id));
  }

  public boolean canSee(Issue issue, PlatformUser user) {
    if (user.has(PlatformRole.OWNER)) {
      return user.org() != null && user.org().equals(issue.ownerOrg);
    }
    return jurisdiction.covers(user, issue.projectRegion);
  }

  /** Visible, and the caller is a coordinator of the region that holds it now. */
  public Issue forHolder(String id, Long expectedVersion, PlatformUser user) {
    Issue issue = visible(id, user);
    if (user.has(PlatformRole.COORDINATOR) && issue.handlingRegion.equals(user.region())) {
      issue.requireVersion(expectedVersion);
      return issue;
    }
    if (user.has(PlatformRole.COORDINATOR) && issue.hasHeld(user.region())) {
      // a former holder acting on what it last saw: its view is stale, not its role
      throw new ConflictException(
          "Issue " + issue.number + " is now held by region " + issue.handlingRegion);
    }
    throw new AccessDeniedException(
        "only coordinators of region " + issue.handlingRegion + " act on this case now");
  }

  /** Visible, and the caller is an owner of the project's org (the reporter's side). */
  public Issue forReporter(String id, Long expectedVersion, PlatformUser user) {
    Issue issue = visible(id, user);
    if (!user.has(PlatformRole.OWNER) || !issue.ownerOrg.equals(user.org())) {
      throw new AccessDeniedException("only the reporting organisation confirms or reopens");
    }
    issue.requireVersion(expectedVersion);
    return issue;
  }

  /** Visible, and the caller is of the reporting organisation or a coordinator holding it now. */
  public Issue forReporterOrHolder(String id, Long expectedVersion, PlatformUser user) {
    Issue issue = visible(id, user);
    boolean reporter = user.has(PlatformRole.OWNER) && issue.ownerOrg.equals(user.org());
    boolean holder =
        user.has(PlatformRole.COORDINATOR) && issue.handlingRegion.equals(user.region());
    if (!reporter && !holder) {
      throw new AccessDeniedException(
          "only the reporting organisation or coordinators of region "
              + issue.handlingRegion
              + " change this");
    }
    issue.requireVersion(expectedVersion);
    return issue;
  }

  /** Visible, and the caller is a manager (whose region contains it, by visibility). */
  public Issue forManager(String id, Long expectedVersion, PlatformUser user) {
    Issue issue = visible(id, user);
    if (!user.has(PlatformRole.MANAGER)) {
      throw new AccessDeniedException("only managers supervise cases");
    }
    issue.requireVersion(expectedVersion);
    return issue;
  }

  /** Visible, and the caller is a coordinator or manager of the region asked to decide. */
  public Issue forExtensionApprover(String id, String requestId, PlatformUser user) {
    Issue issue = visible(id, user);
    ExtensionRequest request =
        issue
            .extensionRequest(requestId)
            .orElseThrow(() -> new NotFoundException("Extension request", requestId));
    if (!user.hasAny(PlatformRole.COORDINATOR, PlatformRole.MANAGER)
        || !request.approverRegion().equals(user.region())) {
      throw new AccessDeniedException(
          "only coordinators or managers of region " + request.approverRegion() + " decide");
    }
    return issue;
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("Issue", id);
  }
}

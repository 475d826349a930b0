package cn.gov.jx.majorprojects.issues.meeting;

import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Instant;
import java.util.List;

/**
 * What a meeting's decisions and a case group's decisions share: found by id in their list, OPEN
 * until done once. The one owner of "find it (404)" and "mark it done (409 when done already)".
 */
public interface Decided<D extends Decided<D>> {

  String OPEN = "OPEN";
  String DONE = "DONE";

  String id();

  String status();

  /** The same decision, done by {@code by} at {@code at}. */
  D done(String by, Instant at);

  /** The decision with this id; 404 naming it as {@code what} (e.g. "Group decision"). */
  static <D extends Decided<D>> D find(List<D> decisions, String what, String decisionId) {
    return decisions.stream()
        .filter(d -> d.id().equals(decisionId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException(what, decisionId));
  }

  /** Puts {@code changed} in the place of the decision with its id. */
  static <D extends Decided<D>> D replace(List<D> decisions, D changed) {
    decisions.replaceAll(d -> d.id().equals(changed.id()) ? changed : d);
    return changed;
  }

  /** An OPEN decision done, in place; 409 when it is done already. */
  static <D extends Decided<D>> D markDone(
      List<D> decisions, String what, String decisionId, String by, Instant now) {
    D decision = find(decisions, what, decisionId);
    if (!OPEN.equals(decision.status())) {
      throw new ConflictException(what + " " + decisionId + " is already done");
    }
    return replace(decisions, decision.done(by, now));
  }
}

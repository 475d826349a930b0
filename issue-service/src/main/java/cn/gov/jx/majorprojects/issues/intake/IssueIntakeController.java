package cn.gov.jx.majorprojects.issues.intake;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.intake.IssueIntake.NewIssue;
import cn.gov.jx.majorprojects.issues.intake.IssueIntake.Submitted;
import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/issues")
/** Reporting a blocker (the case's one way in). */
class IssueIntakeController {

  private final IssueIntake service;

  IssueIntakeController(IssueIntake service) {
    this.service = service;
  }

  record IssueRequest(
      @NotBlank @Size(max = 64) String projectId,
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 10_000) String description,
      @NotNull Category category,
      @NotNull Urgency urgency,
      @Size(max = 2000) String helpWanted,
      @Size(max = 20) List<@NotBlank @Size(max = 40) String> milestoneIds) {}

  @PostMapping
  ResponseEntity<IssueView> submit(
      @Valid @RequestBody IssueRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      PlatformUser user) {
    // checked here, not by a constraint: one on a plain parameter hides the body's field errors
    if (idempotencyKey != null && idempotencyKey.length() > 200) {
      throw BadRequestException.field("Idempotency-Key", "must be at most 200 characters");
    }
    Submitted result =
        service.submit(
            new NewIssue(
                body.projectId(),
                body.title(),
                body.description(),
                body.category(),
                body.urgency(),
                body.helpWanted() == null || body.helpWanted().isBlank()
                    ? null
                    : body.helpWanted().strip(),
                body.milestoneIds()),
            idempotencyKey,
            user);
    // a replay answers what the first call answered, marked so a client can tell
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/issues/" + result.issue().id()))
        .header("Idempotent-Replayed", String.valueOf(!result.created()))
        .body(result.issue());
  }
}

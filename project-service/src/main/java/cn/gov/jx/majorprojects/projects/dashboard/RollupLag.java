package cn.gov.jx.majorprojects.projects.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How far the dashboard's roll-ups are behind the projects: a project whose figures changed is
 * pending from that moment until its share is counted into the roll-ups (normally at once, in the
 * same call; longer while a recount runs, and until the project's next change or a rebuild when
 * counting failed). {@link #seconds()} is the age of the oldest pending change, 0 when none is.
 * Kept in memory on write; this instance's view.
 */
@Component
public class RollupLag {

  /** The whole recount (upgrade or repair): pending while it runs. */
  static final String REBUILD = "*rebuild";

  private final Clock clock;
  private final Map<String, Instant> pending = new ConcurrentHashMap<>();

  RollupLag(Clock clock) {
    this.clock = clock;
  }

  void changed(String projectId) {
    pending.putIfAbsent(projectId, clock.instant());
  }

  void counted(String projectId) {
    pending.remove(projectId);
  }

  /** Age of the oldest change not yet in the roll-ups, in seconds; 0 when they are current. */
  public double seconds() {
    Instant now = clock.instant();
    return pending.values().stream()
        .min(Instant::compareTo)
        .map(oldest -> Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0))
        .orElse(0.0);
  }
}

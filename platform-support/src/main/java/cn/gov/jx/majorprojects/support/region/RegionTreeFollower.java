package cn.gov.jx.majorprojects.support.region;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * Keeps this service's region tree equal to its owner's (project-service, {@code GET
 * /internal/regions}): asked at start and then every refresh interval, on its own thread. Until the
 * owner first answers, and whenever it does not, the tree stays as it was (at first the bundled
 * one). An answer that lacks a division this service already knows is ignored: divisions are never
 * removed, so such an answer is wrong.
 */
public class RegionTreeFollower implements SmartLifecycle {

  static final String PATH = "/internal/regions";
  private static final Logger log = LoggerFactory.getLogger(RegionTreeFollower.class);

  private final RegionTree tree;
  private final RestClient owner;
  private final Duration interval;
  private ScheduledExecutorService timer;
  private volatile boolean failing;

  public RegionTreeFollower(RegionTree tree, RestClient owner, Duration interval) {
    this.tree = tree;
    this.owner = owner;
    this.interval = interval;
  }

  /** Asks the owner once; true when the tree now matches its answer. */
  public boolean refresh() {
    try {
      List<Region> regions =
          owner.get().uri(PATH).retrieve().body(new ParameterizedTypeReference<List<Region>>() {});
      if (regions == null || regions.isEmpty()) {
        return warn("an empty answer");
      }
      Set<String> answered = regions.stream().map(Region::code).collect(Collectors.toSet());
      if (!tree.all().stream().map(Region::code).allMatch(answered::contains)) {
        return warn("an answer that lacks known divisions");
      }
      if (!Set.copyOf(regions).equals(Set.copyOf(tree.all()))) {
        tree.replaceWith(regions);
        log.info("region tree now has {} divisions", regions.size());
      }
      failing = false;
      return true;
    } catch (RuntimeException e) {
      return warn(e.toString());
    }
  }

  private boolean warn(String what) {
    if (!failing) {
      log.warn("region tree owner gave {}; keeping the {} divisions known", what, tree.size());
      failing = true;
    }
    return false;
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "region-tree-follower");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}

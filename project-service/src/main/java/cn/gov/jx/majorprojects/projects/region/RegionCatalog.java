package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The owner of the platform's region tree: stored in MongoDB, seeded from the bundled Jiangxi tree
 * on the first start, and held in memory (a few hundred entries) so reads never touch the store. It
 * keeps the service's {@link RegionTree} bean current, so {@code Jurisdiction} and every reader
 * here see an import at once; the other services follow it through {@code GET /internal/regions}.
 * Replicas reread the store every {@code platform.regions.refresh-interval}.
 */
@Service
public class RegionCatalog implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RegionCatalog.class);

  private final RegionRepository repository;
  private final RegionTree tree;

  RegionCatalog(RegionRepository repository, RegionTree tree) {
    this.repository = repository;
    this.tree = tree;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (repository.count() == 0) {
      RegionTree bundled = RegionTree.bundled();
      repository.saveAll(bundled.all().stream().map(RegionDocument::of).toList());
      log.info("seeded {} regions from the bundled tree", bundled.size());
    }
    reload();
  }

  /** The tree as stored; the home province stays its root. */
  public RegionTree tree() {
    return tree;
  }

  @Scheduled(
      fixedDelayString = "${platform.regions.refresh-interval:5m}",
      initialDelayString = "${platform.regions.refresh-interval:5m}")
  synchronized void reload() {
    List<Region> stored = repository.findAll().stream().map(RegionDocument::toRegion).toList();
    if (!stored.isEmpty()) {
      tree.replaceWith(stored);
    }
  }

  /** Stores a checked province (all or nothing) and switches to the new tree. */
  synchronized List<FieldProblem> importProvince(List<RegionTreeValidator.Division> divisions) {
    List<FieldProblem> problems = RegionTreeValidator.problems(divisions, tree());
    if (!problems.isEmpty()) {
      return problems;
    }
    repository.saveAll(
        divisions.stream()
            .map(d -> new RegionDocument(d.code(), d.name().strip(), null, d.level(), d.parent()))
            .toList());
    log.info("imported {} divisions", divisions.size());
    reload();
    return List.of();
  }
}

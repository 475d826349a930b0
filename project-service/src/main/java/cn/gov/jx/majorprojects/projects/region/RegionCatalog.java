package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

/**
 * The region tree this service works with: stored in MongoDB, seeded from the bundled Jiangxi tree
 * on the first start, and held in memory (a few hundred entries) so reads never touch the store.
 */
@Service
public class RegionCatalog implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RegionCatalog.class);

  private final RegionRepository repository;
  private final RegionTree bundled;
  private final AtomicReference<RegionTree> current = new AtomicReference<>();

  RegionCatalog(RegionRepository repository, RegionTree bundled) {
    this.repository = repository;
    this.bundled = bundled;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (repository.count() == 0) {
      repository.saveAll(bundled.all().stream().map(RegionDocument::of).toList());
      log.info("seeded {} regions from the bundled tree", bundled.size());
    }
    reload();
  }

  public RegionTree tree() {
    RegionTree tree = current.get();
    return tree != null ? tree : reload();
  }

  RegionTree reload() {
    List<Region> all =
        new ArrayList<>(repository.findAll().stream().map(RegionDocument::toRegion).toList());
    // RegionTree takes the last top division as its root: keep the home province there
    String home = bundled.root().code();
    all.sort(Comparator.comparing((Region r) -> r.code().equals(home)));
    RegionTree tree = RegionTree.of(all);
    current.set(tree);
    return tree;
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

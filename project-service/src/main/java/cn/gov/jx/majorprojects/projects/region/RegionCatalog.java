package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.RegionTree;
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
    RegionTree tree =
        RegionTree.of(repository.findAll().stream().map(RegionDocument::toRegion).toList());
    current.set(tree);
    return tree;
  }
}

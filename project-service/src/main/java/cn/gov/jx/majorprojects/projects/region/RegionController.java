package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrative region tree. It is public reference data (GB/T 2260), so every signed-in user
 * reads the whole tree; scoping applies to what lies in the regions, not to their names.
 */
@RestController
@RequestMapping("/api/regions")
class RegionController {

  private final RegionCatalog catalog;

  RegionController(RegionCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  RegionView tree() {
    RegionTree tree = catalog.tree();
    return RegionView.deep(tree, tree.root());
  }

  @GetMapping("/{code}")
  RegionView one(@PathVariable String code) {
    RegionTree tree = catalog.tree();
    return tree.find(code)
        .map(region -> RegionView.deep(tree, region))
        .orElseThrow(() -> new NotFoundException("Region", code));
  }
}

package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

  /** An admin adds another province's divisions; a malformed tree is refused whole. */
  @PostMapping("/import")
  ResponseEntity<Map<String, Integer>> importProvince(
      PlatformUser user, @RequestBody List<RegionTreeValidator.Division> divisions) {
    if (!user.has(PlatformRole.ADMIN)) {
      throw new AccessDeniedException("only an admin imports regions");
    }
    List<FieldProblem> problems = catalog.importProvince(divisions);
    if (!problems.isEmpty()) {
      throw new BadRequestException("The region tree is malformed; nothing was stored", problems);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", divisions.size()));
  }

  @GetMapping("/{code}")
  RegionView one(@PathVariable String code) {
    RegionTree tree = catalog.tree();
    return tree.find(code)
        .map(region -> RegionView.deep(tree, region))
        .orElseThrow(() -> new NotFoundException("Region", code));
  }
}

package cn.gov.jx.majorprojects.support.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrative region tree (GB/T 2260). Answers "is this region inside that one?" by walking
 * parents, so it holds for any tree, not only for codes that nest by prefix.
 *
 * <p>Its owner (project-service's region catalog, or the follower of that catalog in the other
 * services) may switch it whole to a newer version with {@link #replaceWith}; each call reads one
 * version. Divisions are only ever added, never moved (the import refuses moves), so two versions
 * agree on every division both contain.
 */
public final class RegionTree {

  public static final String BUNDLED_RESOURCE = "regions/regions-jiangxi.json";
  private static final Pattern CODE = Pattern.compile("\\d{6}");

  private volatile Version current;

  private RegionTree(Collection<Region> regions) {
    this.current = new Version(regions, null);
  }

  /** One immutable version of the tree. */
  private record Version(
      Map<String, Region> byCode, Map<String, List<Region>> children, Region root) {

    Version(Collection<Region> regions, String preferredRoot) {
      this(index(regions), childrenOf(regions), rootOf(regions, preferredRoot));
    }

    private static Map<String, Region> index(Collection<Region> regions) {
      Map<String, Region> map = new LinkedHashMap<>();
      regions.forEach(r -> map.put(r.code(), r));
      return Collections.unmodifiableMap(map);
    }

    private static Map<String, List<Region>> childrenOf(Collection<Region> regions) {
      Map<String, List<Region>> kids = new LinkedHashMap<>();
      for (Region r : regions) {
        if (r.parent() != null) {
          kids.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
        }
      }
      kids.replaceAll((k, v) -> List.copyOf(v));
      return Collections.unmodifiableMap(kids);
    }

    /** The preferred top division if it is one, else the last top division listed. */
    private static Region rootOf(Collection<Region> regions, String preferred) {
      Region top = null;
      for (Region r : regions) {
        if (r.parent() == null) {
          if (r.code().equals(preferred)) {
            return r;
          }
          top = r;
        }
      }
      return top;
    }
  }

  /** A tree from divisions that were already checked (see {@code RegionTreeValidator}). */
  public static RegionTree of(Collection<Region> regions) {
    return new RegionTree(regions);
  }

  /** The Jiangxi demo tree shipped with the platform. */
  public static RegionTree bundled() {
    try (InputStream in = RegionTree.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
      }
      BundledFile file = JsonMapper.shared().readValue(in, BundledFile.class);
      return of(file.regions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Switches to a newer version of the tree at once. The root stays the same division while it is
   * still a top division (the home province stays the root when other provinces are added).
   */
  public void replaceWith(Collection<Region> regions) {
    Region root = current.root();
    current = new Version(regions, root == null ? null : root.code());
  }

  public static boolean isWellFormed(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  public Region root() {
    return current.root();
  }

  public Optional<Region> find(String code) {
    return Optional.ofNullable(code == null ? null : current.byCode().get(code));
  }

  public boolean contains(String code) {
    return code != null && current.byCode().containsKey(code);
  }

  public List<Region> children(String code) {
    return current.children().getOrDefault(code, List.of());
  }

  public Optional<Region> parent(String code) {
    Map<String, Region> byCode = current.byCode();
    return Optional.ofNullable(code == null ? null : byCode.get(code))
        .map(Region::parent)
        .map(byCode::get);
  }

  /** True when {@code code} is {@code ancestor} itself or lies anywhere below it. */
  public boolean isWithin(String code, String ancestor) {
    if (code == null || ancestor == null) {
      return false;
    }
    Map<String, Region> byCode = this.current.byCode();
    Region current = byCode.get(code);
    while (current != null) {
      if (current.code().equals(ancestor)) {
        return true;
      }
      current = current.parent() == null ? null : byCode.get(current.parent());
    }
    return false;
  }

  /** The region and all regions below it, parents before children. */
  public List<Region> subtree(String code) {
    Version version = current;
    List<Region> out = new ArrayList<>();
    Region top = code == null ? null : version.byCode().get(code);
    if (top != null) {
      collect(version, top, out);
    }
    return out;
  }

  private static void collect(Version version, Region region, List<Region> out) {
    out.add(region);
    for (Region child : version.children().getOrDefault(region.code(), List.of())) {
      collect(version, child, out);
    }
  }

  /** From the region up to the root, the region first. */
  public List<Region> pathToRoot(String code) {
    Map<String, Region> byCode = this.current.byCode();
    List<Region> out = new ArrayList<>();
    Region current = code == null ? null : byCode.get(code);
    while (current != null) {
      out.add(current);
      current = current.parent() == null ? null : byCode.get(current.parent());
    }
    return out;
  }

  public Collection<Region> all() {
    return current.byCode().values();
  }

  public int size() {
    return current.byCode().size();
  }

  private record BundledFile(String source, List<Region> regions) {}
}

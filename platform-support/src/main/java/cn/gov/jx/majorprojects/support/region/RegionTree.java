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
 * The administrative region tree (GB/T 2260), immutable. Answers "is this region inside that one?"
 * by walking parents, so it holds for any tree, not only for codes that nest by prefix.
 */
public final class RegionTree {

  public static final String BUNDLED_RESOURCE = "regions/regions-jiangxi.json";
  private static final Pattern CODE = Pattern.compile("\\d{6}");

  private final Map<String, Region> byCode;
  private final Map<String, List<Region>> children;
  private final Region root;

  private RegionTree(Collection<Region> regions) {
    Map<String, Region> map = new LinkedHashMap<>();
    Map<String, List<Region>> kids = new LinkedHashMap<>();
    Region top = null;
    for (Region r : regions) {
      map.put(r.code(), r);
      if (r.parent() == null) {
        top = r;
      } else {
        kids.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
      }
    }
    this.byCode = Collections.unmodifiableMap(map);
    kids.replaceAll((k, v) -> List.copyOf(v));
    this.children = Collections.unmodifiableMap(kids);
    this.root = top;
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

  public static boolean isWellFormed(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  public Region root() {
    return root;
  }

  public Optional<Region> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  public boolean contains(String code) {
    return code != null && byCode.containsKey(code);
  }

  public List<Region> children(String code) {
    return children.getOrDefault(code, List.of());
  }

  public Optional<Region> parent(String code) {
    return find(code).map(Region::parent).flatMap(this::find);
  }

  /** True when {@code code} is {@code ancestor} itself or lies anywhere below it. */
  public boolean isWithin(String code, String ancestor) {
    if (code == null || ancestor == null) {
      return false;
    }
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
    List<Region> out = new ArrayList<>();
    find(code).ifPresent(r -> collect(r, out));
    return out;
  }

  private void collect(Region region, List<Region> out) {
    out.add(region);
    for (Region child : children(region.code())) {
      collect(child, out);
    }
  }

  /** From the region up to the root, the region first. */
  public List<Region> pathToRoot(String code) {
    List<Region> out = new ArrayList<>();
    Region current = byCode.get(code);
    while (current != null) {
      out.add(current);
      current = current.parent() == null ? null : byCode.get(current.parent());
    }
    return out;
  }

  public Collection<Region> all() {
    return byCode.values();
  }

  public int size() {
    return byCode.size();
  }

  private record BundledFile(String source, List<Region> regions) {}
}

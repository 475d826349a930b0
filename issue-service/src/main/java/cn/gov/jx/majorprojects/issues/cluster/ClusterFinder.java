package cn.gov.jx.majorprojects.issues.cluster;

import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups of open cases that are likely the same matter. Two cases are linked when they have the
 * same category, their projects lie in the same city (so the same county, or two counties of one
 * city), and the cosine similarity of their texts' bigrams ({@link Bigrams}) reaches the threshold;
 * a group is a connected set of linked cases. Only cases of one category and city are ever
 * compared, so the work is the sum of the squares of those buckets' sizes, not of all cases. Cases
 * carry no responsible department, so the region stands for it.
 */
final class ClusterFinder {

  private final RegionTree tree;
  private final double threshold;

  ClusterFinder(RegionTree tree, double threshold) {
    this.tree = tree;
    this.threshold = threshold;
  }

  /** One open case as the finder needs it. */
  record Candidate(
      String id,
      String number,
      String title,
      String description,
      Category category,
      String projectId,
      String projectName,
      String projectRegion) {

    String text() {
      return (title == null ? "" : title) + "。" + (description == null ? "" : description);
    }
  }

  /** A likely group: its cases, a score (mean similarity of all its pairs) and why. */
  record Cluster(
      String key,
      Category category,
      String regionCode,
      String regionName,
      double score,
      List<String> reasons,
      List<String> sharedTerms,
      List<Candidate> cases) {}

  List<Cluster> find(List<Candidate> candidates) {
    Map<String, List<Candidate>> buckets = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      buckets
          .computeIfAbsent(c.category() + "|" + city(c.projectRegion()), k -> new ArrayList<>())
          .add(c);
    }
    List<Cluster> clusters = new ArrayList<>();
    for (List<Candidate> bucket : buckets.values()) {
      if (bucket.size() > 1) {
        clusters.addAll(clustersOf(bucket));
      }
    }
    clusters.sort(
        Comparator.comparingDouble(Cluster::score)
            .reversed()
            .thenComparing(c -> -c.cases().size())
            .thenComparing(Cluster::key));
    return clusters;
  }

  private List<Cluster> clustersOf(List<Candidate> bucket) {
    int n = bucket.size();
    List<Bigrams> texts = bucket.stream().map(c -> Bigrams.of(c.text())).toList();
    double[][] similarity = new double[n][n];
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = texts.get(i).cosine(texts.get(j));
        similarity[i][j] = s;
        similarity[j][i] = s;
        if (s >= threshold) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    Map<Integer, List<Integer>> components = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      components.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
    }
    List<Cluster> out = new ArrayList<>();
    for (List<Integer> members : components.values()) {
      if (members.size() > 1) {
        out.add(cluster(bucket, texts, similarity, members));
      }
    }
    return out;
  }

  private Cluster cluster(
      List<Candidate> bucket, List<Bigrams> texts, double[][] similarity, List<Integer> members) {
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < members.size(); a++) {
      for (int b = a + 1; b < members.size(); b++) {
        sum += similarity[members.get(a)][members.get(b)];
        pairs++;
      }
    }
    double score = pairs == 0 ? 0 : Math.round(sum / pairs * 100) / 100.0;
    List<Candidate> cases =
        members.stream().map(bucket::get).sorted(Comparator.comparing(Candidate::id)).toList();
    Set<Category> categories = new TreeSet<>();
    Set<String> counties = new TreeSet<>();
    cases.forEach(
        c -> {
          categories.add(c.category());
          counties.add(c.projectRegion());
        });
    Category category = categories.size() == 1 ? categories.iterator().next() : null;
    List<String> reasons = new ArrayList<>();
    reasons.add(
        category != null
            ? "同类：" + CategoryNames.of(category)
            : "类别不同：" + String.join("、", categories.stream().map(CategoryNames::of).toList()));
    String regionCode = commonRegion(counties);
    String where = levelWord(regionCode) + "：" + name(regionCode);
    if (counties.size() > 1) {
      where += "（" + String.join("、", counties.stream().map(this::name).toList()) + "）";
    }
    reasons.add(where);
    reasons.add("文本相似度 " + String.format(Locale.ROOT, "%.2f", score));
    List<String> shared = shared(members.stream().map(texts::get).toList());
    if (!shared.isEmpty()) {
      reasons.add("共同词：" + String.join("、", shared));
    }
    String key = String.join(",", cases.stream().map(Candidate::id).toList());
    return new Cluster(key, category, regionCode, name(regionCode), score, reasons, shared, cases);
  }

  /**
   * A set of cases a coordinator chose, described like a found group (score, reasons), whatever
   * their categories and regions.
   */
  Cluster describe(List<Candidate> cases) {
    List<Bigrams> texts = cases.stream().map(c -> Bigrams.of(c.text())).toList();
    int n = cases.size();
    double[][] similarity = new double[n][n];
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      members.add(i);
      for (int j = i + 1; j < n; j++) {
        similarity[i][j] = texts.get(i).cosine(texts.get(j));
        similarity[j][i] = similarity[i][j];
      }
    }
    return cluster(cases, texts, similarity, members);
  }

  /** The lowest region containing all of them. */
  String commonRegion(Set<String> regions) {
    String first = regions.iterator().next();
    for (Region candidate : tree.pathToRoot(first)) {
      if (regions.stream().allMatch(r -> tree.isWithin(r, candidate.code()))) {
        return candidate.code();
      }
    }
    return first;
  }

  /** The bigrams every case of the group has, most frequent first, at most five. */
  private static List<String> shared(List<Bigrams> texts) {
    Set<String> common = new LinkedHashSet<>(texts.get(0).keys());
    texts.forEach(t -> common.retainAll(t.keys()));
    return common.stream()
        .sorted(
            Comparator.comparingInt((String b) -> -texts.stream().mapToInt(t -> t.count(b)).sum())
                .thenComparing(Comparator.naturalOrder()))
        .limit(5)
        .toList();
  }

  /** The city a region belongs to (itself for a city or the province). */
  String city(String region) {
    for (Region r : tree.pathToRoot(region)) {
      if (r.level() == RegionLevel.CITY) {
        return r.code();
      }
    }
    return region;
  }

  private String name(String code) {
    return tree.find(code).map(Region::name).orElse(code);
  }

  private static String levelWord(String code) {
    return switch (RegionLevel.ofCode(code)) {
      case COUNTY -> "同一县";
      case CITY -> "同一市";
      case PROVINCE -> "同一省";
    };
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}

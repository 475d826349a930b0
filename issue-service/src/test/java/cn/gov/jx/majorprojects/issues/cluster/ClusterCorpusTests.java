package cn.gov.jx.majorprojects.issues.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gov.jx.majorprojects.issues.cluster.ClusterFinder.Candidate;
import cn.gov.jx.majorprojects.issues.cluster.ClusterFinder.Cluster;
import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The grouping measured on a small hand-made corpus of 52 blocker texts (test resource
 * clusters/blockers.tsv) with the groups a coordinator would make. Pairwise: a pair of cases is
 * "together" when both are in one group; precision = pairs found together that belong together /
 * pairs found together, recall = pairs found together that belong together / pairs that belong
 * together.
 */
class ClusterCorpusTests {

  static final RegionTree TREE = RegionTree.bundled();

  record Labelled(Candidate candidate, String group) {}

  static List<Labelled> corpus() throws IOException {
    try (InputStream in =
        ClusterCorpusTests.class.getClassLoader().getResourceAsStream("clusters/blockers.tsv")) {
      List<Labelled> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(
            new Labelled(
                new Candidate(
                    f[0], f[0], f[4], f[5], Category.valueOf(f[2]), "p-" + f[0], "项目" + f[0], f[3]),
                f[1].equals("-") ? "single:" + f[0] : f[1]));
      }
      return out;
    }
  }

  static Set<String> pairs(Map<String, String> groupOf) {
    Set<String> pairs = new HashSet<>();
    List<String> ids = groupOf.keySet().stream().sorted().toList();
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = groupOf.get(ids.get(i));
        if (a != null && a.equals(groupOf.get(ids.get(j)))) {
          pairs.add(ids.get(i) + "+" + ids.get(j));
        }
      }
    }
    return pairs;
  }

  @Test
  void groupsTheCorpusWithPrecisionAndRecallOfAtLeast80Percent() throws IOException {
    List<Labelled> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
    Map<String, String> expected = new HashMap<>();
    corpus.forEach(l -> expected.put(l.candidate().id(), l.group()));

    List<Cluster> clusters =
        new ClusterFinder(TREE, ClusterProperties.DEFAULT_THRESHOLD)
            .find(corpus.stream().map(Labelled::candidate).toList());
    Map<String, String> found = new HashMap<>();
    corpus.forEach(l -> found.put(l.candidate().id(), "single:" + l.candidate().id()));
    clusters.forEach(c -> c.cases().forEach(k -> found.put(k.id(), c.key())));

    Set<String> truth = pairs(expected);
    Set<String> predicted = pairs(found);
    Set<String> hit = new HashSet<>(predicted);
    hit.retainAll(truth);
    double precision = predicted.isEmpty() ? 0 : (double) hit.size() / predicted.size();
    double recall = (double) hit.size() / truth.size();
    System.out.printf(
        Locale.ROOT,
        "clustering corpus: %d texts, %d expected pairs, %d found, %d right: precision %.2f,"
            + " recall %.2f (threshold %.2f)%n",
        corpus.size(),
        truth.size(),
        predicted.size(),
        hit.size(),
        precision,
        recall,
        ClusterProperties.DEFAULT_THRESHOLD);
    clusters.forEach(c -> System.out.println("  " + c.key() + " " + c.reasons()));
    printMargin(corpus);

    assertThat(precision).isGreaterThanOrEqualTo(0.8);
    assertThat(recall).isGreaterThanOrEqualTo(0.8);
  }

  /** The closest pair that does not belong together and the farthest that does (same bucket). */
  static void printMargin(List<Labelled> corpus) {
    ClusterFinder finder = new ClusterFinder(TREE, 1);
    double apart = 0;
    double together = 1;
    for (Labelled a : corpus) {
      for (Labelled b : corpus) {
        Candidate x = a.candidate();
        Candidate y = b.candidate();
        if (x.id().compareTo(y.id()) < 0
            && x.category() == y.category()
            && finder.city(x.projectRegion()).equals(finder.city(y.projectRegion()))) {
          double s = Bigrams.of(x.text()).cosine(Bigrams.of(y.text()));
          if (a.group().equals(b.group())) {
            together = Math.min(together, s);
          } else {
            apart = Math.max(apart, s);
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  most alike pair of different matters %.2f, least alike pair of one matter %.2f%n",
        apart,
        together);
  }

  @Test
  void aGroupSaysWhyWithTheCategoryTheCountyAndTheScore() throws IOException {
    List<Candidate> wenzhen =
        corpus().stream()
            .filter(l -> l.group().equals("jx-wenzhen"))
            .map(Labelled::candidate)
            .toList();

    List<Cluster> clusters =
        new ClusterFinder(TREE, ClusterProperties.DEFAULT_THRESHOLD).find(wenzhen);

    assertThat(clusters).hasSize(1);
    Cluster cluster = clusters.get(0);
    assertThat(cluster.cases()).hasSize(4);
    assertThat(cluster.regionCode()).isEqualTo("360124");
    assertThat(cluster.reasons().get(0)).isEqualTo("同类：征迁");
    assertThat(cluster.reasons().get(1)).isEqualTo("同一县：进贤县");
    assertThat(cluster.reasons().get(2))
        .isEqualTo("文本相似度 " + String.format(Locale.ROOT, "%.2f", cluster.score()));
    assertThat(cluster.sharedTerms()).contains("温圳", "补偿");
  }

  @Test
  void casesOfTwoCountiesOfOneCityGroupAtCityLevelAndAnotherCategoryOrCityNever() {
    ClusterFinder finder = new ClusterFinder(TREE, ClusterProperties.DEFAULT_THRESHOLD);
    String text = "地方政府专项债券资金未拨付，市财政局统筹调度，工程款拖欠";
    Candidate zhanggong =
        new Candidate("a", "A", "专项债资金未到位", text, Category.FUNDING, "p1", "一", "360702");
    Candidate nankang =
        new Candidate("b", "B", "专项债资金未到位", text, Category.FUNDING, "p2", "二", "360703");
    Candidate permit =
        new Candidate("c", "C", "专项债资金未到位", text, Category.PERMIT, "p3", "三", "360703");
    Candidate nanchang =
        new Candidate("d", "D", "专项债资金未到位", text, Category.FUNDING, "p4", "四", "360121");

    List<Cluster> clusters = finder.find(List.of(zhanggong, nankang, permit, nanchang));

    assertThat(clusters).hasSize(1);
    assertThat(clusters.get(0).cases()).extracting(Candidate::id).containsExactly("a", "b");
    assertThat(clusters.get(0).regionCode()).isEqualTo("360700");
    assertThat(clusters.get(0).reasons()).contains("同一市：赣州市（章贡区、南康区）");
    assertThat(clusters.get(0).score()).isEqualTo(1.0);
  }

  @Test
  void punctuationStopCharactersAndCommonBlockerWordsDoNotMakeTextsAlike() {
    assertThat(Bigrams.of("项目，施工，进度；影响。协调，解决！").isEmpty()).isTrue();
    assertThat(Bigrams.of("“征地补偿”。").cosine(Bigrams.of("征地补偿！"))).isCloseTo(1.0, within(1e-9));
    assertThat(Bigrams.of("征地的补偿").cosine(Bigrams.of("征地补偿"))).isCloseTo(1.0, within(1e-9));
    assertThat(Bigrams.of("征地，补偿").cosine(Bigrams.of("征地补偿"))).isLessThan(1.0);
    assertThat(Bigrams.of("变电站间隔").cosine(Bigrams.of("征地补偿"))).isZero();
  }
}

package cn.gov.jx.majorprojects.issues.cluster;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A text as counts of its character bigrams: Chinese has no spaces, and two characters side by side
 * catch most words (征地, 补偿, 变电) without a dictionary. Punctuation, spaces and other symbols end a
 * run (no bigram spans them); stop characters are dropped first, and bigrams every blocker shares
 * (项目, 施工, 影响…) are left out, so they do not make unrelated cases look alike.
 */
final class Bigrams {

  // function words and characters every sentence has; they carry no matter
  static final String STOP_CHARACTERS = "的了和与及在是等已未于对为把被将有也都就而或其该此并但因所以之着个从向由至使";

  // bigrams nearly every blocker text contains, whatever its cause
  static final Set<String> STOP_BIGRAMS =
      Set.of(
          "项目", "问题", "影响", "施工", "进度", "工程", "目前", "导致", "需要", "协调", "解决", "推进", "建设", "尚未", "无法",
          "要求", "情况", "相关", "请求", "帮助", "工期", "开工", "进场", "计划", "完成", "现场");

  private final Map<String, Integer> counts;
  private final double norm;

  private Bigrams(Map<String, Integer> counts) {
    this.counts = Collections.unmodifiableMap(counts);
    double sum = 0;
    for (int c : counts.values()) {
      sum += (double) c * c;
    }
    this.norm = Math.sqrt(sum);
  }

  static Bigrams of(String text) {
    Map<String, Integer> counts = new HashMap<>();
    StringBuilder run = new StringBuilder();
    String source = text == null ? "" : text;
    for (int i = 0; i < source.length(); ) {
      int cp = source.codePointAt(i);
      i += Character.charCount(cp);
      if (STOP_CHARACTERS.indexOf(cp) >= 0) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        run.appendCodePoint(Character.toLowerCase(cp));
      } else {
        addRun(run, counts);
      }
    }
    addRun(run, counts);
    return new Bigrams(counts);
  }

  private static void addRun(StringBuilder run, Map<String, Integer> counts) {
    int[] cps = run.codePoints().toArray();
    for (int i = 0; i + 1 < cps.length; i++) {
      String bigram = new String(cps, i, 2);
      if (!STOP_BIGRAMS.contains(bigram)) {
        counts.merge(bigram, 1, Integer::sum);
      }
    }
    run.setLength(0);
  }

  /** Cosine of the two count vectors: 0 (nothing shared) to 1 (the same bigrams in proportion). */
  double cosine(Bigrams other) {
    if (norm == 0 || other.norm == 0) {
      return 0;
    }
    Map<String, Integer> small = counts.size() <= other.counts.size() ? counts : other.counts;
    Map<String, Integer> large = small == counts ? other.counts : counts;
    double dot = 0;
    for (Map.Entry<String, Integer> e : small.entrySet()) {
      Integer c = large.get(e.getKey());
      if (c != null) {
        dot += (double) e.getValue() * c;
      }
    }
    return dot / (norm * other.norm);
  }

  Set<String> keys() {
    return new TreeSet<>(counts.keySet());
  }

  int count(String bigram) {
    return counts.getOrDefault(bigram, 0);
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }
}

package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A three-way table with every margin (CFA × diploma × sex and all their sums, as the published
 * crossings are): the case where partners chosen one at a time protect least, since every count lies
 * in three relations at once. On this table (4 × 4 × 4, a fixed seed) some counts are still short the
 * round after their partner was hidden, so the freeing sets of {@link PartnerModel} are used too.
 */
class ThreeWayTableSecrecyTest {
  private static final int N = 4;
  private static final double WIDTH = CountSecrecy.protectionWidth(20);
  private final Map<String, Double> values = new TreeMap<>();
  private final List<LinearAudit.Relation> relations = new ArrayList<>();

  /** Index {@code N} on an axis is the margin over it. */
  private static String key(int i, int j, int k) {
    return "1|c=" + i + "_" + j + "_" + k + "|n";
  }

  private void sum(String margin, IntFunction<String> term) {
    Map<String, Double> terms = new HashMap<>(Map.of(margin, 1.0));
    for (int x = 0; x < N; x++) {
      terms.put(term.apply(x), -1.0);
    }
    relations.add(new LinearAudit.Relation(terms, true));
  }

  ThreeWayTableSecrecyTest() {
    Random random = new Random(6);
    for (int i = 0; i <= N; i++) {
      for (int j = 0; j <= N; j++) {
        for (int k = 0; k <= N; k++) {
          values.put(key(i, j, k), 0.0);
        }
      }
    }
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        for (int k = 0; k < N; k++) {
          // three cells in ten small, the others well above the threshold
          double v = random.nextInt(10) < 3 ? 1 + random.nextInt(6) : 20 + random.nextInt(30);
          for (int m = 0; m < 8; m++) {
            values.merge(key((m & 1) == 0 ? i : N, (m & 2) == 0 ? j : N, (m & 4) == 0 ? k : N), v, Double::sum);
          }
        }
      }
    }
    for (int i = 0; i <= N; i++) {
      for (int j = 0; j <= N; j++) {
        for (int k = 0; k <= N; k++) {
          int a = i;
          int b = j;
          int c = k;
          if (i == N) {
            sum(key(i, j, k), x -> key(x, b, c));
          }
          if (j == N) {
            sum(key(i, j, k), x -> key(a, x, c));
          }
          if (k == N) {
            sum(key(i, j, k), x -> key(a, b, x));
          }
        }
      }
    }
  }

  @Test
  void everySmallCellOfAThreeWayTableIsProtected() {
    Map<String, String> primary = values.entrySet().stream().filter(e -> e.getValue() > 0 && e.getValue() < 10)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> "LT_20"));
    assertTrue(primary.size() > 10, "the table has small cells: " + primary.size());
    assertFalse(LinearAudit.run(values, primary.keySet(), relations, k -> WIDTH).tooNarrow().isEmpty(),
        "hidden alone, the small cells follow from their margins");

    CountSecrecy.Outcome outcome = CountSecrecy.protect(values, primary, Set.of(), relations, WIDTH);

    assertEquals(List.of(), outcome.audit().tooNarrow());
    LinearAudit.Report again = LinearAudit.run(values, outcome.hidden().keySet(), relations,
        CountSecrecy.required(outcome.hidden(), WIDTH));
    assertEquals(List.of(), again.tooNarrow(), "audited again from scratch");
    assertTrue(outcome.hidden().keySet().containsAll(primary.keySet()));
    assertFalse(outcome.hidden().containsKey(key(N, N, N)), "the grand total stays published");
  }
}

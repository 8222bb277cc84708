package fr.oref.devenir.stats;

import static fr.oref.devenir.stats.Sums.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The freeing set of a short count is the cheapest way round it, worked by hand on a 2 × 2 table with
 * its margins: rows a = ax + ay (14), b = bx + by (32), columns x = ax + bx (16), y = ay + by (30),
 * total T = a + b = x + y (46); ax = 4 is hidden and needs a width of 3, so some published counts must
 * move by 3 with it. The ways round (each count moved by 3): {ay, bx, by} inside the table,
 * {ay, x, y}, {a, bx, b}, {a, x, T} through the margins, and longer ones.
 */
class PartnerModelTest {
  private static final Map<String, Double> VALUES = Map.of("ax", 4.0, "ay", 10.0, "bx", 12.0, "by", 20.0,
      "a", 14.0, "b", 32.0, "x", 16.0, "y", 30.0, "T", 46.0);
  private static final LinearAudit.Interval AX = new LinearAudit.Interval("ax", 4, 4, 4, 3, Set.of());
  private final List<LinearAudit.Relation> relations = List.of(sum("a", "ax", "ay"), sum("b", "bx", "by"),
      sum("x", "ax", "bx"), sum("y", "ay", "by"), sum("T", "a", "b"), sum("T", "x", "y"));

  private Optional<Set<String>> freeing(Map<String, Double> prices, Set<String> frozen, Set<String> hidden) {
    try (PartnerModel model = new PartnerModel(VALUES, relations, frozen)) {
      hidden.forEach(model::hide);
      return model.freeing(AX, k -> hidden.contains(k) ? 0 : prices.get(k));
    }
  }

  private static Map<String, Double> prices(double inside, double rows, double columns, double total) {
    return Map.of("ax", inside, "ay", inside, "bx", inside, "by", inside, "a", rows, "b", rows,
        "x", columns, "y", columns, "T", total);
  }

  @Test
  void cheapDetailsAreMovedBeforeTheMargins() {
    // inside: 3 × 3 × 1 = 9; {ay, x, y}: 3 + 60 = 63; {a, x, T}: 360
    Set<String> set = freeing(prices(1, 10, 10, 100), Set.of(), Set.of("ax")).orElseThrow();
    assertEquals(Set.of("ay", "bx", "by"), set);
    Set<String> hidden = new HashSet<>(set);
    hidden.add("ax");
    LinearAudit.Report report = LinearAudit.run(VALUES, hidden, relations, k -> k.equals("ax") ? 3 : 1);
    assertTrue(report.tooNarrow().isEmpty(), () -> "ax still narrow once its set is hidden: " + report.tooNarrow());
  }

  @Test
  void dearDetailsSendTheWayRoundThroughTheCheapestMargins() {
    // {a, bx, b}: 3 + 300 + 3 = 306; {ay, x, y}: 300 + 60 = 360; inside: 900; {a, x, T}: 3 + 30 + 3,000
    assertEquals(Optional.of(Set.of("a", "bx", "b")), freeing(prices(100, 1, 10, 1000), Set.of(), Set.of("ax")));
  }

  @Test
  void aHiddenCountMovesForFree() {
    // by hidden: {ay, bx} costs 6 where every other way costs 9
    assertEquals(Optional.of(Set.of("ay", "bx")), freeing(prices(1, 1, 1, 1), Set.of(), Set.of("ax", "by")));
  }

  @Test
  void frozenCountsNeverMove() {
    Map<String, Double> prices = new HashMap<>(prices(1, 1, 1, 1));
    prices.put("bx", 10.0);
    // {a, x, T} would cost 9 as {ay, x, y} does: a and T published in another wave cannot move
    assertEquals(Optional.of(Set.of("ay", "x", "y")), freeing(prices, Set.of("a", "T"), Set.of("ax")));
    // with its row frozen, ax can move no more
    assertEquals(Optional.empty(), freeing(prices, Set.of("a", "ay"), Set.of("ax")));
  }

  @Test
  void aFrozenCountHiddenMovesAsAnyHiddenOne() {
    // ay hidden in the wave published first: it moves freely, so {bx, by} (6) beats every way with ay
    assertEquals(Optional.of(Set.of("bx", "by")), freeing(prices(1, 10, 10, 10), Set.of("ay"), Set.of("ax", "ay")));
  }
}

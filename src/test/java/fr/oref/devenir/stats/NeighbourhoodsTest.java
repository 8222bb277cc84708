package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static fr.oref.devenir.stats.Sums.sum;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The small LPs around one count bracket its true interval: the model around it (fewer relations)
 * never gives a narrower interval than the truth, the model inside (fewer free counts) never a wider
 * one. Worked on a 2 × 2 table whose four cells are hidden, margins published:
 * a + b = 34, c + d = 65, a + c = 29, b + d = 70 (a = 4, b = 30, c = 25, d = 40), so a ∈ [0 ; 29].
 */
class NeighbourhoodsTest {
  private static final double CAP = 1000;
  private final Map<String, Double> values = new HashMap<>(Map.of("a", 4.0, "b", 30.0, "c", 25.0, "d", 40.0,
      "r1", 34.0, "r2", 65.0, "c1", 29.0, "c2", 70.0));
  private final List<LinearAudit.Relation> relations = List.of(sum("r1", "a", "b"), sum("r2", "c", "d"),
      sum("c1", "a", "c"), sum("c2", "b", "d"));
  private final Set<String> hidden = new HashSet<>(Set.of("a", "b", "c", "d"));

  private Neighbourhoods local() {
    return new Neighbourhoods(values, relations, hidden, CAP);
  }

  private static Map<String, Double> at(Map<String, Double> values, Set<String> keys) {
    Map<String, Double> at = new HashMap<>();
    keys.forEach(k -> at.put(k, values.get(k)));
    return at;
  }

  /** The ranges ({low, high}) of the hidden cells once a was pushed up and down inside its neighbourhood. */
  private List<Map<String, Double>> rangesInside(double width, int levels) {
    Map<String, Double> low = at(values, hidden);
    Map<String, Double> high = at(values, hidden);
    local().inside("a", width, levels, low, high);
    return List.of(low, high);
  }

  @Test
  void insideTheWholeSquareACellMovesAsFarAsTheTruthAndMovesTheOthers() {
    // a width wider than any interval: both LPs run (a count wide enough early stops after one)
    List<Map<String, Double>> ranges = rangesInside(100, 3);
    assertEquals(0, ranges.get(0).get("a"), 1e-6);
    assertEquals(29, ranges.get(1).get("a"), 1e-6);
    // the optima are tables the whole model allows: the cells that moved with a are wide too
    assertTrue(ranges.get(1).get("d") - ranges.get(0).get("d") >= 3, ranges.toString());
  }

  @Test
  void insideTooSmallANeighbourhoodProvesNothingAndNeverClaimsMoreThanTheTruth() {
    // one step: a, b and c free, d held at 40, which pins b, then a and c
    List<Map<String, Double>> ranges = rangesInside(3, 2);
    assertEquals(4, ranges.get(0).get("a"), 1e-6);
    assertEquals(4, ranges.get(1).get("a"), 1e-6);
  }

  @Test
  void aroundACellTheIntervalHoldsTheTruthAndACellAloneInItsRowIsShort() {
    LinearAudit.Interval a = local().around("a", 100, 1);
    assertTrue(a.low() <= 1e-6 && a.high() >= 29 - 1e-6, a.toString());
    hidden.removeAll(Set.of("b", "c", "d"));
    LinearAudit.Interval alone = local().around("a", 3, 2);
    assertEquals(0, alone.width(), 1e-6, "r1 and b published give a away");
    assertTrue(alone.pinnedBy().contains("b") || alone.pinnedBy().contains("r1"), alone.toString());
  }

  @Test
  void theSmallProgramsAreCounted() {
    Neighbourhoods local = local();
    local.around("a", 100, 2);
    local.inside("a", 100, 3, at(values, hidden), at(values, hidden));
    assertEquals(4, local.programs());
    assertEquals(0, local.programs(), "read once");
  }

  @Test
  void aCountLeftNarrowIsNotSolvedAgainUntilACountOfItsRelationsIsHidden() {
    Neighbourhoods local = local();
    Map<String, Double> low = at(values, hidden);
    Map<String, Double> high = at(values, hidden);
    local.inside("a", 3, 2, low, high);
    assertEquals(2, local.programs(), "pushed up and down, still narrow (d held at 40 pins it)");
    local.inside("a", 3, 2, low, high);
    assertEquals(0, local.programs(), "nothing changed near a: the same model would give the same optima");
    hidden.add("r1");
    low.put("r1", values.get("r1"));
    high.put("r1", values.get("r1"));
    local.inside("a", 3, 2, low, high);
    assertEquals(2, local.programs(), "a margin of a's relations hidden since");
    local.inside("a", 3, 3, low, high);
    assertEquals(1, local.programs(), "a deeper neighbourhood is another model (pushed up, a is wide)");
  }
}

package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The secrecy engine and its audit on small tables worked by hand: each pattern is first shown
 * breakable with its primary suppressions only (so the test fails if the protection goes), then
 * protected.
 */
class CountSecrecyTest {
  private static final double WIDTH = CountSecrecy.protectionWidth(20);
  private final Map<String, Double> values = new HashMap<>();
  private final List<LinearAudit.Relation> relations = new ArrayList<>();

  private void count(String key, double value) {
    values.put(key, value);
  }

  /** {@code parent = Σ children}. */
  private void sum(String parent, String... children) {
    Map<String, Double> terms = new HashMap<>(Map.of(parent, 1.0));
    for (String c : children) {
      terms.put(c, -1.0);
    }
    relations.add(new LinearAudit.Relation(terms, true));
  }

  private LinearAudit.Report auditOf(Set<String> hidden) {
    return LinearAudit.run(values, hidden, relations, k -> WIDTH);
  }

  private Map<String, String> protect(Set<String> primary, Set<String> frozen) {
    return protect(primary, frozen, CountSecrecy.Policy.TABLE);
  }

  private Map<String, String> protect(Set<String> primary, Set<String> frozen, CountSecrecy.Policy policy) {
    Map<String, String> p = primary.stream().collect(Collectors.toMap(k -> k, k -> "LT_20"));
    CountSecrecy.Outcome o = CountSecrecy.protect(values, p, frozen, relations, WIDTH, policy);
    assertEquals(List.of(), o.audit().tooNarrow(), "every hidden count is protected");
    return o.hidden();
  }

  @Test
  void theWidthRuleIsFifteenPercentOfTheThresholdAndAtLeastThree() {
    assertEquals(3, CountSecrecy.protectionWidth(20));
    assertEquals(3, CountSecrecy.protectionWidth(5));
    assertEquals(8, CountSecrecy.protectionWidth(50));
  }

  /** Rows a, b; columns x, y; a small cell in a 2×2 table needs three partners (the whole square). */
  @Test
  void aSmallCellOfATwoByTwoTableTakesItsSquare() {
    double[][] t = {{4, 30}, {25, 40}};
    String[] r = {"a", "b"};
    String[] c = {"x", "y"};
    double total = 0;
    for (int i = 0; i < 2; i++) {
      count(r[i], t[i][0] + t[i][1]);
      count(c[i], t[0][i] + t[1][i]);
      for (int j = 0; j < 2; j++) {
        count(r[i] + c[j], t[i][j]);
        total += t[i][j];
      }
      sum(r[i], r[i] + "x", r[i] + "y");
      sum(c[i], "a" + c[i], "b" + c[i]);
    }
    count("T", total);
    sum("T", "a", "b");
    sum("T", "x", "y");
    LinearAudit.Report weak = auditOf(Set.of("ax"));
    assertEquals(0, weak.narrowest(), 1e-9, "a − ay gives ax");
    Map<String, String> hidden = protect(Set.of("ax"), Set.of());
    assertTrue(hidden.keySet().containsAll(Set.of("ax", "ay", "bx", "by")), hidden.toString());
    assertFalse(hidden.containsKey("T"), "the total stays published");
    LinearAudit.Interval ax = auditOf(hidden.keySet()).tooNarrow().stream().findFirst().orElse(null);
    assertEquals(null, ax);
  }

  /** region ⊃ departments ⊃ CFAs: a hidden CFA is protected at both levels. */
  @Test
  void aThreeLevelHierarchyIsProtectedAtEveryLevel() {
    count("R", 200);
    count("D1", 90);
    count("D2", 110);
    count("C11", 8);
    count("C12", 82);
    count("C21", 50);
    count("C22", 60);
    sum("R", "D1", "D2");
    sum("D1", "C11", "C12");
    sum("D2", "C21", "C22");
    assertFalse(auditOf(Set.of("C11")).tooNarrow().isEmpty());
    assertFalse(auditOf(Set.of("C11", "C12", "D1")).tooNarrow().isEmpty(), "R − D2 gives D1, then C11");
    Map<String, String> hidden = protect(Set.of("C11"), Set.of());
    assertEquals("SECONDARY", hidden.get("C12"));
    assertTrue(hidden.containsKey("D1") == hidden.containsKey("D2") || !hidden.containsKey("D1"), hidden.toString());
  }

  /** A published zero fixes every child at zero, however many are hidden. */
  @Test
  void aPublishedZeroParentGivesAwayItsHiddenChildren() {
    count("P", 0);
    count("A", 0);
    count("B", 0);
    count("Q", 40);
    count("S", 40);
    sum("P", "A", "B");
    sum("S", "P", "Q");
    LinearAudit.Report weak = auditOf(Set.of("A", "B"));
    assertEquals(2, weak.tooNarrow().size(), "A + B = 0 makes both 0");
    Map<String, String> hidden = protect(Set.of("A", "B"), Set.of());
    assertTrue(hidden.containsKey("P"), hidden.toString());
  }

  /** active = respondents − further_study: a hidden active count cannot sit beside its two published terms. */
  @Test
  void aWithinCellIdentityRevealsACountUnlessAPartnerGoes() {
    count("respondents", 45);
    count("further_study", 30);
    count("active", 15);
    count("employed", 9);
    relations.add(new LinearAudit.Relation(Map.of("respondents", 1.0, "further_study", -1.0, "active", -1.0), true));
    relations.add(new LinearAudit.Relation(Map.of("employed", 1.0, "active", -1.0), false));
    LinearAudit.Report weak = auditOf(Set.of("active", "employed"));
    assertTrue(weak.tooNarrow().stream().anyMatch(i -> i.key().equals("active") && i.width() == 0), weak.toString());
    Map<String, String> hidden = protect(Set.of("active", "employed"), Set.of());
    assertEquals("SECONDARY", hidden.get("further_study"), "the cheaper partner goes");
    assertFalse(hidden.containsKey("respondents"));
  }

  /** The wave-2 panel of a cell is at most the wave-1 panel less further study (published, frozen). */
  @Test
  void theWaveOnePanelBoundsTheWaveTwoPanel() {
    count("1|A|panel", 30);
    count("1|A|further_study", 15);
    count("1|B|panel", 30);
    count("1|B|further_study", 18);
    count("2|A|panel", 15);
    count("2|B|panel", 12);
    count("2|R|panel", 27);
    count("2|S|panel", 80);
    count("2|C|panel", 53);
    sum("2|R|panel", "2|A|panel", "2|B|panel");
    sum("2|S|panel", "2|R|panel", "2|C|panel");
    LinearAudit.Report alone = auditOf(Set.of("2|A|panel", "2|B|panel"));
    assertTrue(alone.tooNarrow().isEmpty(), "A + B = 27 alone leaves A anywhere in [0, 27]");
    for (String c : List.of("A", "B")) {
      relations.add(new LinearAudit.Relation(Map.of("2|" + c + "|panel", 1.0, "1|" + c + "|panel", -1.0,
          "1|" + c + "|further_study", 1.0), false));
    }
    LinearAudit.Report linked = auditOf(Set.of("2|A|panel", "2|B|panel"));
    assertEquals(0, linked.narrowest(), 1e-9, "A ≤ 15, B ≤ 12 and A + B = 27 pin both");
    Set<String> waveOne = Set.of("1|A|panel", "1|A|further_study", "1|B|panel", "1|B|further_study");
    Map<String, String> hidden = protect(Set.of("2|A|panel", "2|B|panel"), waveOne);
    assertTrue(hidden.containsKey("2|R|panel"), hidden.toString());
    assertTrue(waveOne.stream().noneMatch(hidden::containsKey), "the published wave keeps its status");
  }

  @Test
  void theAuditGivesTheIntervalAnAttackerCanReach() {
    count("T", 20);
    count("a", 7);
    count("b", 13);
    count("m", 13);
    sum("T", "a", "b");
    relations.add(new LinearAudit.Relation(Map.of("b", 1.0, "m", -1.0), false));
    LinearAudit.Report r = LinearAudit.run(values, Set.of("a", "b"), relations, k -> 14);
    assertEquals(1, r.components());
    assertEquals(2, r.tooNarrow().size());
    LinearAudit.Interval a = r.tooNarrow().stream().filter(i -> i.key().equals("a")).findFirst().orElseThrow();
    assertEquals(7, a.low(), 1e-6, "b ≤ 13 so a ≥ 7");
    assertEquals(20, a.high(), 1e-6);
  }

  @Test
  void aWeakPatternFailsWithAFrenchLineNamingTheCell() {
    count("1|cfa=0140001A|panel", 12);
    count("1|region=ALL|panel", 40);
    count("1|cfa=0140002B|panel", 28);
    sum("1|region=ALL|panel", "1|cfa=0140001A|panel", "1|cfa=0140002B|panel");
    LinearAudit.Report weak = auditOf(Set.of("1|cfa=0140001A|panel"));
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> PublicSecrecy.failIfShort(weak));
    assertTrue(e.getMessage().startsWith("Secret statistique insuffisant : 1 comptages masqués"), e.getMessage());
    assertTrue(e.getMessage().contains("1|cfa=0140001A|panel ∈ [12 ; 12]"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  /**
   * Spark hands the relations in an order that depends on partitioning: a cluster run and an embedded
   * one must still hide the same counts. A 3 × 4 table of equal cells leaves many equal choices.
   */
  @Test
  void theSameTableInAnyOrderHidesTheSameCounts() {
    String[] rows = {"a", "b", "c"};
    String[] columns = {"w", "x", "y", "z"};
    for (String r : rows) {
      count(r, 4 * 30);
      for (String c : columns) {
        count(r + c, r.equals("a") && c.equals("w") ? 4 : 30);
      }
    }
    values.put("a", 94.0);
    for (String c : columns) {
      count(c, c.equals("w") ? 64 : 90);
    }
    count("T", 334);
    for (String r : rows) {
      sum(r, java.util.Arrays.stream(columns).map(c -> r + c).toArray(String[]::new));
    }
    for (String c : columns) {
      sum(c, java.util.Arrays.stream(rows).map(r -> r + c).toArray(String[]::new));
    }
    sum("T", rows);
    sum("T", columns);
    Map<String, String> first = protect(Set.of("aw"), Set.of());
    List<LinearAudit.Relation> given = List.copyOf(relations);
    for (long seed = 1; seed <= 6; seed++) {
      List<LinearAudit.Relation> shuffled = new ArrayList<>();
      for (LinearAudit.Relation r : given) {
        List<Map.Entry<String, Double>> terms = new ArrayList<>(r.terms().entrySet());
        java.util.Collections.shuffle(terms, new java.util.Random(seed));
        Map<String, Double> reordered = new java.util.LinkedHashMap<>();
        terms.forEach(t -> reordered.put(t.getKey(), t.getValue()));
        shuffled.add(new LinearAudit.Relation(reordered, r.equality()));
      }
      java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
      relations.clear();
      relations.addAll(shuffled);
      assertEquals(first, protect(Set.of("aw"), Set.of()), "relations shuffled with seed " + seed);
      // the model the LPs see is the same, term for term (the simplex breaks ties by the model's order)
      assertEquals(ordered(given), ordered(shuffled), "relations shuffled with seed " + seed);
    }
  }

  /**
   * A partner is taken from the details before the breakdowns of the regional page, whatever its value:
   * {@code b} (priority 2) is smaller than {@code c} (priority 3), so a choice by value alone hides {@code b}.
   */
  @Test
  void thePartnerIsTakenFromTheLeastImportantBreakdownBeforeItsValue() {
    Map<String, Integer> priority = Map.of("T", 1, "a", 3, "b", 2, "c", 3);
    CountSecrecy.Policy readers = new CountSecrecy.Policy(priority::get, hidden -> Set.of(), (k, hidden) -> 0);
    // an equality left with one hidden term: T = a + b + c
    count("T", 64);
    count("a", 4);
    count("b", 10);
    count("c", 50);
    sum("T", "a", "b", "c");
    assertEquals(Set.of("a", "b"), protect(Set.of("a"), Set.of(), CountSecrecy.Policy.TABLE).keySet(), "by value");
    assertEquals(Set.of("a", "c"), protect(Set.of("a"), Set.of(), readers).keySet(), "by priority");
    // a count pinned by inequalities (d ≤ e ≤ f): e ∈ [3, 5] is short, the LP names d and f as partners
    values.clear();
    relations.clear();
    count("d", 3);
    count("e", 4);
    count("f", 5);
    relations.add(new LinearAudit.Relation(Map.of("d", 1.0, "e", -1.0), false));
    relations.add(new LinearAudit.Relation(Map.of("e", 1.0, "f", -1.0), false));
    assertEquals(Set.of("e", "d"), protect(Set.of("e"), Set.of(), CountSecrecy.Policy.TABLE).keySet(), "by value");
    Map<String, Integer> ranks = Map.of("d", 2, "e", 3, "f", 3);
    assertEquals(Set.of("e", "f"), protect(Set.of("e"), Set.of(), new CountSecrecy.Policy(ranks::get,
        hidden -> Set.of(), (k, hidden) -> 0)).keySet(), "f is the detail, though larger than d");
  }

  @Test
  void aCountsPriorityIsItsDimensions() {
    assertEquals(1, PublicSecrecy.priority("1|region=ALL|panel"));
    assertEquals(2, PublicSecrecy.priority("2|level=4|employed"));
    assertEquals(3, PublicSecrecy.priority("1|cfa*diploma=0141234A,50022101|respondents"));
  }

  private static List<List<Map.Entry<String, Double>>> ordered(List<LinearAudit.Relation> relations) {
    return CountSecrecy.canonical(relations).stream().map(r -> List.copyOf(r.terms().entrySet())).toList();
  }
}

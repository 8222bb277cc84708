package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecrecyTest {
  @Test
  void aSingleSmallSiblingTakesItsSmallestNeighbourAlong() {
    Map<String, Secrecy.Cell> cells = new LinkedHashMap<>();
    for (Object[] c : new Object[][] {{"R", 100}, {"A", 12}, {"B", 30}, {"C", 58}}) {
      cells.put((String) c[0], new Secrecy.Cell((String) c[0], 1, (Integer) c[1]));
    }
    Map<String, String> s = Secrecy.apply(cells, List.of(Map.of("R", List.of("A", "B", "C"))), 20);
    assertEquals(Map.of("A", "LT_20", "B", "SECONDARY"), s);
  }

  @Test
  void anOnlyChildHidesItsParent() {
    Map<String, Secrecy.Cell> cells = Map.of("CFA", new Secrecy.Cell("CFA", 3, 8), "SITE", new Secrecy.Cell("SITE", 3, 8),
        "R", new Secrecy.Cell("R", 50, 80), "CFA2", new Secrecy.Cell("CFA2", 47, 72));
    Map<String, String> s = Secrecy.apply(cells, List.of(Map.of("R", List.of("CFA", "CFA2")),
        Map.of("CFA", List.of("SITE"))), 5);
    assertFalse(s.containsKey("CFA"));
    assertEquals(Map.of(), s, "8 ≥ 5: nothing to hide");
    Map<String, String> strict = Secrecy.apply(cells, List.of(Map.of("R", List.of("CFA", "CFA2")),
        Map.of("CFA", List.of("SITE"))), 20);
    assertEquals("LT_20", strict.get("SITE"));
    assertEquals("LT_20", strict.get("CFA"));
    assertEquals("SECONDARY", strict.get("CFA2"), "R − CFA2 would give CFA");
    assertFalse(strict.containsKey("R"));
  }

  /** The attacker: every parent minus its published children, along every hierarchy, on a random region. */
  @Test
  void noSubtractionRecoversASuppressedCell() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      Map<String, Secrecy.Cell> cells = new HashMap<>();
      Map<String, List<String>> regionToDepartments = new HashMap<>();
      Map<String, List<String>> departmentToCfas = new HashMap<>();
      Map<String, List<String>> cfaToSites = new HashMap<>();
      double regionN = 0;
      for (int d = 0; d < 3; d++) {
        String dep = "D" + d;
        double depN = 0;
        for (int c = 0; c < 2 + random.nextInt(4); c++) {
          String cfa = dep + "C" + c;
          double cfaN = 0;
          for (int s = 0; s < 1 + random.nextInt(3); s++) {
            String site = cfa + "S" + s;
            double n = 1 + random.nextInt(60);
            cells.put(site, new Secrecy.Cell(site, Math.floor(n / 2), n));
            cfaToSites.computeIfAbsent(cfa, k -> new ArrayList<>()).add(site);
            cfaN += n;
          }
          cells.put(cfa, new Secrecy.Cell(cfa, 0, cfaN));
          departmentToCfas.computeIfAbsent(dep, k -> new ArrayList<>()).add(cfa);
          depN += cfaN;
        }
        cells.put(dep, new Secrecy.Cell(dep, 0, depN));
        regionToDepartments.computeIfAbsent("R", k -> new ArrayList<>()).add(dep);
        regionN += depN;
      }
      cells.put("R", new Secrecy.Cell("R", 0, regionN));
      List<Map<String, List<String>>> hierarchies = List.of(regionToDepartments, departmentToCfas, cfaToSites);
      Map<String, String> suppressed = Secrecy.apply(cells, hierarchies, 20);
      for (Map<String, List<String>> h : hierarchies) {
        for (Map.Entry<String, List<String>> family : h.entrySet()) {
          List<String> hidden = family.getValue().stream().filter(suppressed::containsKey).toList();
          if (!suppressed.containsKey(family.getKey())) {
            assertNotEquals(1, hidden.size(), "parent " + family.getKey() + " minus its published children isolates "
                + hidden);
          } else {
            assertNotEquals(0, hidden.size(), "suppressed " + family.getKey() + " is the sum of published children");
          }
        }
      }
      cells.values().stream().filter(c -> c.denominator() < 20)
          .forEach(c -> assertEquals("LT_20", suppressed.get(c.key())));
    }
  }
}

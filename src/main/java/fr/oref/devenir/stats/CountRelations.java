package fr.oref.devenir.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every linear relation a reader of the published counts can write, keyed
 * {@code wave|dimension=value|count}: each nesting's parent = Σ children for every count, each
 * indicator's numerator ≤ denominator and the relations of data-schemas/count-relations.csv within
 * each cell, and those between waves for cells of both.
 */
public final class CountRelations {
  private CountRelations() {}

  public static String key(int wave, String cell, String count) {
    return wave + "|" + cell + "|" + count;
  }

  /**
   * @param cells each wave's cells ({@code dimension=value})
   * @param hierarchies each wave's families (parent cell → children cells)
   */
  public static List<LinearAudit.Relation> of(Map<Integer, Set<String>> cells,
      Map<Integer, List<Map<String, List<String>>>> hierarchies) {
    List<String> counts = IndicatorCatalog.counts().stream().map(IndicatorCatalog.Count::name).toList();
    List<LinearAudit.Relation> out = new ArrayList<>();
    cells.forEach((wave, waveCells) -> {
      for (Map<String, List<String>> h : hierarchies.getOrDefault(wave, List.of())) {
        h.forEach((parent, children) -> {
          if (waveCells.contains(parent) && waveCells.containsAll(children)) {
            for (String count : counts) {
              Map<String, Double> terms = new HashMap<>();
              terms.put(key(wave, parent, count), 1.0);
              children.forEach(c -> terms.merge(key(wave, c, count), -1.0, Double::sum));
              out.add(new LinearAudit.Relation(terms, true));
            }
          }
        });
      }
      for (String cell : waveCells) {
        for (IndicatorCatalog.Indicator i : IndicatorCatalog.indicators()) {
          out.add(new LinearAudit.Relation(Map.of(key(wave, cell, i.numerator()), 1.0,
              key(wave, cell, i.denominator()), -1.0), false));
        }
      }
    });
    for (IndicatorCatalog.CountRelation r : IndicatorCatalog.countRelations()) {
      Map<String, Double> terms = new HashMap<>();
      add(terms, r.left(), 1);
      add(terms, r.right(), -1);
      boolean acrossWaves = terms.keySet().stream().anyMatch(t -> t.contains("@"));
      for (int wave : cells.keySet()) {
        for (String cell : cells.get(wave)) {
          Map<String, Double> instance = instance(terms, wave, cell, cells);
          if (instance != null && (!acrossWaves || wave == minWave(terms))) {
            out.add(new LinearAudit.Relation(instance, "=".equals(r.operator())));
          }
        }
      }
    }
    return out;
  }

  /** The relation for one cell; null when a wave it names has no such cell. */
  private static Map<String, Double> instance(Map<String, Double> terms, int wave, String cell,
      Map<Integer, Set<String>> cells) {
    Map<String, Double> out = new HashMap<>();
    for (Map.Entry<String, Double> t : terms.entrySet()) {
      String[] parts = t.getKey().split("@");
      int w = parts.length == 2 ? Integer.parseInt(parts[1]) : wave;
      if (!cells.getOrDefault(w, Set.of()).contains(cell)) {
        return null;
      }
      out.merge(key(w, cell, parts[0]), t.getValue(), Double::sum);
    }
    return out;
  }

  private static int minWave(Map<String, Double> terms) {
    return terms.keySet().stream().filter(t -> t.contains("@")).mapToInt(t -> Integer.parseInt(t.split("@")[1]))
        .min().orElseThrow();
  }

  private static void add(Map<String, Double> terms, String side, double sign) {
    for (String t : side.replace("-", "+-").split("\\+")) {
      String term = t.trim();
      if (!term.isEmpty()) {
        boolean minus = term.startsWith("-");
        terms.merge((minus ? term.substring(1) : term).trim(), minus ? -sign : sign, Double::sum);
      }
    }
  }
}

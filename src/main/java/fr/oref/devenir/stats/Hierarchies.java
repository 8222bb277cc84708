package fr.oref.devenir.stats;

import fr.oref.devenir.lake.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The nestings secrecy must protect (data-schemas/dimensions.csv: each dimension's parents), read
 * from the data: a parent's children are the child values its rows fall in. A family is kept only
 * when the parent's count is exactly the sum of its children's: every row of the parent has a child
 * value, and no child value is found under another parent (a site shared by two CFAs) or without one.
 */
final class Hierarchies {
  private Hierarchies() {}

  static String key(String dimension, String value) {
    return dimension + "=" + value;
  }

  static List<Map<String, List<String>>> of(Dataset<Row> outcomes, List<IndicatorCatalog.Dimension> dimensions) {
    Column[] values = dimensions.stream().map(d -> IndicatorCells.valueOf(d).as(d.name())).toArray(Column[]::new);
    List<Map<String, Object>> combinations = outcomes.select(values).distinct().collectAsList().stream()
        .map(Rows::toMap).toList();
    List<Map<String, List<String>>> hierarchies = new ArrayList<>();
    for (IndicatorCatalog.Dimension child : dimensions) {
      for (String parent : child.parents()) {
        hierarchies.add(families(combinations, parent, child.name()));
      }
    }
    return hierarchies;
  }

  private static Map<String, List<String>> families(List<Map<String, Object>> combinations, String parent,
      String child) {
    Map<String, Set<Object>> parentsOfChild = new HashMap<>();
    Map<String, Set<String>> children = new HashMap<>();
    Set<String> leaky = new HashSet<>();
    for (Map<String, Object> c : combinations) {
      Object p = c.get(parent);
      Object v = c.get(child);
      if (v != null) {
        parentsOfChild.computeIfAbsent(v.toString(), k -> new HashSet<>()).add(p == null ? "" : p);
      }
      if (p != null) {
        if (v == null) {
          leaky.add(p.toString());
        } else {
          children.computeIfAbsent(p.toString(), k -> new TreeSet<>()).add(v.toString());
        }
      }
    }
    Map<String, List<String>> family = new HashMap<>();
    children.forEach((p, vs) -> {
      if (!leaky.contains(p) && vs.stream().allMatch(v -> parentsOfChild.get(v).size() == 1)) {
        family.put(key(parent, p), vs.stream().map(v -> key(child, v)).toList());
      }
    });
    return family;
  }
}

package fr.oref.devenir.stats;

import fr.oref.devenir.lake.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The nestings secrecy must protect (data-schemas/dimensions.csv: each dimension's parents), read
 * from the data: a parent's children are the child values its rows fall in. A child value found
 * under two parents (a site shared by two CFAs) does not partition either, so it is left out of
 * both families.
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
        Map<String, Set<String>> parentsOfChild = new HashMap<>();
        for (Map<String, Object> c : combinations) {
          Object p = c.get(parent);
          Object v = c.get(child.name());
          if (p != null && v != null) {
            parentsOfChild.computeIfAbsent(v.toString(), k -> new HashSet<>()).add(p.toString());
          }
        }
        Map<String, List<String>> family = new HashMap<>();
        parentsOfChild.forEach((v, ps) -> {
          if (ps.size() == 1) {
            family.computeIfAbsent(key(parent, ps.iterator().next()), k -> new ArrayList<>()).add(key(child.name(), v));
          }
        });
        family.replaceAll((k, v) -> new ArrayList<>(new LinkedHashSet<>(v)));
        hierarchies.add(family);
      }
    }
    return hierarchies;
  }
}

package fr.oref.devenir.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups hidden counts form for the audit's figures: two hidden counts are in one group when a
 * relation holds both, so an attacker's LP over one group never involves another.
 */
final class HiddenComponents {
  private HiddenComponents() {}

  /** How many groups the hidden counts form (linked by relations with two hidden terms or more), and the largest. */
  static int[] of(Set<String> hidden, List<LinearAudit.Relation> relations) {
    Map<String, String> parent = new HashMap<>();
    hidden.forEach(h -> parent.put(h, h));
    for (LinearAudit.Relation r : relations) {
      List<String> terms = r.terms().keySet().stream().filter(hidden::contains).toList();
      for (int i = 1; i < terms.size(); i++) {
        parent.put(root(parent, terms.get(i)), root(parent, terms.get(0)));
      }
    }
    Map<String, Integer> sizes = new HashMap<>();
    hidden.forEach(h -> sizes.merge(root(parent, h), 1, Integer::sum));
    return new int[] {sizes.size(), sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0)};
  }

  private static String root(Map<String, String> parent, String x) {
    String r = x;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    parent.put(x, r);
    return r;
  }
}

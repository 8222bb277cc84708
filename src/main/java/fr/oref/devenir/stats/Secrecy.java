package fr.oref.devenir.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical secrecy for one indicator's table of cells, as a CFA's restricted bundle applies it to
 * the CFA's own cells (public outputs are protected on counts: {@link PublicSecrecy}). Primary: a cell whose denominator is below
 * the threshold is suppressed ({@code LT_<threshold>}). Complementary ({@code SECONDARY}), to a fixed
 * point over every hierarchy, where a parent's counts are the sums of its children's:
 * <ul>
 *   <li>a published parent with exactly one suppressed child: its smallest published sibling goes too
 *       (or, an only child, the parent itself);</li>
 *   <li>a suppressed parent whose children are all published: its smallest child goes too.</li>
 * </ul>
 * So no suppressed numerator or denominator equals a published total minus published cells.
 */
public final class Secrecy {
  public static final String SECONDARY = "SECONDARY";

  private Secrecy() {}

  /** A cell's counts (suppression is decided on the denominator; the numerator follows it). */
  public record Cell(String key, double numerator, double denominator) {}

  public static String primaryReason(int threshold) {
    return "LT_" + threshold;
  }

  /**
   * @param hierarchies each maps a parent key to the keys of the children that partition it
   * @return the reason of every suppressed cell, by key; published cells are absent
   */
  public static Map<String, String> apply(Map<String, Cell> cells, List<Map<String, List<String>>> hierarchies,
      int threshold) {
    Map<String, String> suppressed = new HashMap<>();
    cells.values().stream().filter(c -> c.denominator() < threshold)
        .forEach(c -> suppressed.put(c.key(), primaryReason(threshold)));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map<String, List<String>> hierarchy : hierarchies) {
        for (Map.Entry<String, List<String>> family : hierarchy.entrySet()) {
          changed |= protect(family.getKey(), family.getValue(), cells, suppressed);
        }
      }
    }
    return suppressed;
  }

  private static boolean protect(String parent, List<String> childKeys, Map<String, Cell> cells,
      Map<String, String> suppressed) {
    if (!cells.containsKey(parent)) {
      return false;
    }
    List<Cell> children = new ArrayList<>();
    childKeys.stream().filter(cells::containsKey).forEach(k -> children.add(cells.get(k)));
    if (children.isEmpty()) {
      return false;
    }
    long hidden = children.stream().filter(c -> suppressed.containsKey(c.key())).count();
    boolean parentHidden = suppressed.containsKey(parent);
    List<Cell> published = children.stream().filter(c -> !suppressed.containsKey(c.key()))
        .sorted(Comparator.comparingDouble(Cell::denominator).thenComparing(Cell::key)).toList();
    if (!parentHidden && hidden == 1) {
      suppressed.put(published.isEmpty() ? parent : published.get(0).key(), SECONDARY);
      return true;
    }
    if (parentHidden && hidden == 0) {
      suppressed.put(published.get(0).key(), SECONDARY);
      return true;
    }
    return false;
  }
}

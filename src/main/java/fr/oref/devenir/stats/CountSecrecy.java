package fr.oref.devenir.stats;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Public secrecy decided on counts (one status per wave × cell × count, keyed
 * {@code wave|dimension=value|count}): the primary counts are hidden, then complementary ones
 * ({@code SECONDARY}) until every hidden count is protected, in the manner of τ-ARGUS's modular
 * method: a quick pass closes every equality with a single hidden term (the cheapest other term goes
 * too), then the LP audit finds the counts still recoverable to less than the protection width and
 * hides, for each, the cheapest published count sharing a relation with it; audit again, until none
 * is short. The cost of hiding a count is its value (times the {@code cost} factor of its key, which
 * keeps totals published), halved when its cell already hides a count, so that suppressions gather
 * in cells already touched. Counts of {@code frozen} (already published,
 * another wave) keep their status.
 */
public final class CountSecrecy {
  public static final String SECONDARY = "SECONDARY";
  private static final int MAX_ROUNDS = 200;

  private CountSecrecy() {}

  /** Required width of a hidden count's feasible interval: 15 % of the threshold, at least 3. */
  public static double protectionWidth(int threshold) {
    return Math.max(3, Math.ceil(0.15 * threshold));
  }

  public record Outcome(Map<String, String> hidden, LinearAudit.Report audit) {}

  public static Outcome protect(Map<String, Double> values, Map<String, String> primary, Set<String> frozen,
      List<LinearAudit.Relation> relations, double width) {
    return protect(values, primary, frozen, relations, width, k -> 1);
  }

  public static Outcome protect(Map<String, Double> values, Map<String, String> primary, Set<String> frozen,
      List<LinearAudit.Relation> relations, double width, ToDoubleFunction<String> factor) {
    Map<String, Double> cost = new HashMap<>();
    values.forEach((k, v) -> cost.put(k, v * factor.applyAsDouble(k)));
    Map<String, String> hidden = new HashMap<>(primary);
    Map<String, List<LinearAudit.Relation>> byCount = new HashMap<>();
    relations.forEach(r -> r.terms().keySet().forEach(k -> byCount.computeIfAbsent(k, x -> new java.util.ArrayList<>())
        .add(r)));
    for (int round = 0; round < MAX_ROUNDS; round++) {
      closeSingletons(cost, hidden, frozen, relations);
      LinearAudit.Report audit = LinearAudit.run(values, hidden.keySet(), relations, width);
      boolean added = false;
      for (LinearAudit.Interval shortOne : audit.tooNarrow()) {
        Optional<String> partner = cheapest(byCount.getOrDefault(shortOne.key(), List.of()).stream()
            .flatMap(r -> r.terms().keySet().stream()).collect(Collectors.toSet()), cost, hidden, frozen);
        if (partner.isPresent()) {
          hidden.put(partner.get(), SECONDARY);
          added = true;
        }
      }
      if (!added) {
        return new Outcome(hidden, audit);
      }
    }
    return new Outcome(hidden, LinearAudit.run(values, hidden.keySet(), relations, width));
  }

  /** An equality with one hidden term gives it away: hide the cheapest published other term. */
  private static void closeSingletons(Map<String, Double> cost, Map<String, String> hidden, Set<String> frozen,
      List<LinearAudit.Relation> relations) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (LinearAudit.Relation r : relations) {
        if (r.equality() && r.terms().keySet().stream().filter(hidden::containsKey).count() == 1) {
          Optional<String> partner = cheapest(r.terms().keySet(), cost, hidden, frozen);
          if (partner.isPresent()) {
            hidden.put(partner.get(), SECONDARY);
            changed = true;
          }
        }
      }
    }
  }

  private static Optional<String> cheapest(Set<String> candidates, Map<String, Double> cost,
      Map<String, String> hidden, Set<String> frozen) {
    Set<String> touchedCells = new HashSet<>();
    hidden.keySet().forEach(k -> touchedCells.add(cell(k)));
    return candidates.stream().filter(k -> !hidden.containsKey(k) && !frozen.contains(k))
        .min(Comparator.<String>comparingDouble(k -> cost.get(k) * (touchedCells.contains(cell(k)) ? 0.5 : 1))
            .thenComparing(k -> k));
  }

  static String cell(String key) {
    int i = key.lastIndexOf('|');
    return i < 0 ? key : key.substring(0, i);
  }
}

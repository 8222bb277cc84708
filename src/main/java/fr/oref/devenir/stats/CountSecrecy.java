package fr.oref.devenir.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Public secrecy decided on counts (one status per wave × cell × count, keyed
 * {@code wave|dimension=value|count}): the primary counts are hidden, then complementary ones
 * ({@code SECONDARY}) until every hidden count is protected. A quick pass closes every equality with
 * a single hidden term (its cheapest other term goes too); then the LP audit finds the counts still
 * recoverable to less than the protection width, with the published counts of the relations that
 * bind them at their optima (non-zero dual values, as in τ-ARGUS's optimal and modular methods), and
 * the cheapest of those is hidden — one per binding relation a round, since one partner often frees
 * its neighbours; audit again, until none is short. The cost of hiding a count is its value, halved
 * when its cell already hides a count, so that suppressions gather in cells already touched; the
 * {@code headline} counts (the region's) are taken only when nothing else can protect. Counts of {@code frozen} (already published, another wave) keep
 * their status.
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
    return protect(values, primary, frozen, relations, width, k -> false);
  }

  public static Outcome protect(Map<String, Double> values, Map<String, String> primary, Set<String> frozen,
      List<LinearAudit.Relation> relations, double width, Predicate<String> headline) {
    Suppression s = new Suppression(values, primary, frozen, relations, headline);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      s.closeSingletons();
      LinearAudit.Report audit = LinearAudit.run(values, s.hidden.keySet(), relations, width);
      Set<String> touched = new HashSet<>();
      for (LinearAudit.Interval shortOne : audit.tooNarrow()) {
        if (shortOne.pinnedBy().stream().noneMatch(touched::contains)) {
          s.partner(shortOne).ifPresent(p -> {
            s.hide(p);
            touched.add(p);
          });
        }
      }
      if (touched.isEmpty()) {
        return new Outcome(s.hidden, audit);
      }
    }
    return new Outcome(s.hidden, LinearAudit.run(values, s.hidden.keySet(), relations, width));
  }

  static String cell(String key) {
    int i = key.lastIndexOf('|');
    return i < 0 ? key : key.substring(0, i);
  }

  /** The suppression being built: hidden counts, and what choosing the next one needs. */
  private static final class Suppression {
    final Map<String, String> hidden;
    final Map<String, Double> cost;
    final Predicate<String> ordinary;
    final Set<String> frozen;
    final List<LinearAudit.Relation> relations;
    final Map<String, List<LinearAudit.Relation>> byCount = new HashMap<>();
    final Set<String> touchedCells = new HashSet<>();

    Suppression(Map<String, Double> values, Map<String, String> primary, Set<String> frozen,
        List<LinearAudit.Relation> relations, Predicate<String> headline) {
      this.hidden = new HashMap<>(primary);
      this.frozen = frozen;
      this.relations = relations;
      this.cost = values;
      ordinary = headline.negate();
      relations.forEach(r -> r.terms().keySet().forEach(k -> byCount.computeIfAbsent(k, x -> new ArrayList<>()).add(r)));
      primary.keySet().forEach(k -> touchedCells.add(cell(k)));
    }

    void hide(String key) {
      hidden.put(key, SECONDARY);
      touchedCells.add(cell(key));
    }

    /** An equality with one hidden term gives it away: hide the cheapest published other term. */
    void closeSingletons() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (LinearAudit.Relation r : relations) {
          if (r.equality() && r.terms().keySet().stream().filter(hidden::containsKey).count() == 1) {
            Optional<String> partner = cheapest(r.terms().keySet(), ordinary)
                .or(() -> cheapest(r.terms().keySet(), k -> true));
            partner.ifPresent(this::hide);
            changed |= partner.isPresent();
          }
        }
      }
    }

    /**
     * The count to hide for a count found too narrow: the cheapest of those binding it, else the
     * cheapest sharing a relation with it (or one relation further when those are all hidden); the
     * headline counts last.
     */
    Optional<String> partner(LinearAudit.Interval shortOne) {
      return cheapest(shortOne.pinnedBy(), ordinary)
          .or(() -> nearest(shortOne.key(), ordinary))
          .or(() -> cheapest(shortOne.pinnedBy(), k -> true))
          .or(() -> nearest(shortOne.key(), k -> true));
    }

    private Optional<String> nearest(String key, Predicate<String> allowed) {
      Set<String> reached = new HashSet<>(Set.of(key));
      Set<String> frontier = Set.of(key);
      while (!frontier.isEmpty()) {
        Set<String> next = frontier.stream().flatMap(k -> byCount.getOrDefault(k, List.of()).stream())
            .flatMap(r -> r.terms().keySet().stream()).filter(reached::add).collect(Collectors.toSet());
        Optional<String> partner = cheapest(next, allowed);
        if (partner.isPresent()) {
          return partner;
        }
        frontier = next.stream().filter(hidden::containsKey).collect(Collectors.toSet());
      }
      return Optional.empty();
    }

    private Optional<String> cheapest(Set<String> candidates, Predicate<String> allowed) {
      return candidates.stream().filter(k -> !hidden.containsKey(k) && !frozen.contains(k) && allowed.test(k))
          .min(Comparator.<String>comparingDouble(k -> cost.get(k) * (touchedCells.contains(cell(k)) ? 0.5 : 1))
              .thenComparing(k -> k));
    }
  }
}

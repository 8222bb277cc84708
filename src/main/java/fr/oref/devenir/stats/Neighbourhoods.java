package fr.oref.devenir.stats;

import fr.oref.devenir.stats.LinearAudit.Interval;
import fr.oref.devenir.stats.LinearAudit.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Small LPs around one hidden count: milliseconds each, where an LP over the whole table costs a
 * second at the Normandy scale. Two models bracket the count's true interval:
 * <ul>
 *   <li>around it (a relaxation): the relations near the count only, every hidden count in them free.
 *       Dropping relations can only widen an interval, so a count short there is short for certain, and
 *       the published counts of its optima are partners that can widen it; wide there, it proves nothing;
 *   <li>inside (a restriction): the hidden counts near it free, every relation that holds one of them
 *       kept, every other count at its true value. Each optimum, completed by the true values, is a table
 *       the whole model allows: a count wide there is wide for certain, and the ranges of the counts it
 *       moved grow too; narrow there, it proves nothing.
 * </ul>
 * Only a count neither model decides needs an LP over the whole table.
 */
final class Neighbourhoods {
  /** How many relations a neighbourhood holds, per level it reaches. */
  private static final int RELATIONS_PER_LEVEL = 400;
  /**
   * The most levels' worth of relations a model around a count holds, however deep it looks: any subset
   * of the relations is still an outer bound, and around a count of a large hidden group each level
   * multiplies the relations (at the Normandy scale models of whole groups, solved from scratch, took
   * most of the time once the whole model had missed a count a few times).
   */
  private static final int MAX_LEVELS = 4;

  private final Map<String, Double> values;
  private final RelationIndex index;
  private final Set<String> hidden;
  private final double cap;
  private int programs;
  /**
   * For each count its inside model left narrow: how deep it looked and the published counts of the
   * relations it kept. Until one of those is hidden, the same model would give the same optima (at the
   * Normandy scale some 300 counts stay undecided for dozens of rounds, each round solving them again).
   */
  private final Map<String, Reach> stillNarrow = new HashMap<>();

  private record Reach(int levels, Set<String> published) {}

  /** {@code hidden}: the whole model's set, seen as it changes. */
  Neighbourhoods(Map<String, Double> values, List<Relation> relations, Set<String> hidden, double cap) {
    this.values = values;
    this.index = new RelationIndex(relations);
    this.hidden = hidden;
    this.cap = cap;
  }

  /** The LPs solved since the last call, and none since. */
  int programs() {
    int solved = programs;
    programs = 0;
    return solved;
  }

  /** The most relations a model reaching {@code levels} steps holds. */
  private static int most(int levels) {
    return RELATIONS_PER_LEVEL * Math.min(levels, MAX_LEVELS);
  }

  /** The count's interval under the relations {@code levels} steps from it through hidden counts: an outer bound. */
  Interval around(String key, double width, int levels) {
    Set<Integer> near = new LinkedHashSet<>();
    Set<String> reached = new LinkedHashSet<>(Set.of(key));
    List<String> frontier = List.of(key);
    int most = most(levels);
    for (int level = 0; level < levels && near.size() < most; level++) {
      List<String> next = new ArrayList<>();
      for (String k : frontier) {
        for (int r : index.of(k)) {
          if (near.size() < most && near.add(r)) {
            index.get(r).terms().keySet().stream().filter(t -> hidden.contains(t) && reached.add(t)).forEach(next::add);
          }
        }
      }
      frontier = next;
    }
    try (LinearModel around = new LinearModel(values, near.stream().map(index::get).toList(), cap)) {
      reached.forEach(around::hide);
      Interval interval = around.interval(key, width, around.atTrueValues(), around.atTrueValues());
      programs += around.programs();
      return interval;
    }
  }

  /**
   * Widens {@code low} and {@code high} (ranges of values the whole model allows) by the optima of the
   * count inside its neighbourhood: the hidden counts up to {@code levels} − 1 steps away free, as many
   * levels as keep the relations holding them under the cap.
   */
  void inside(String key, double width, int levels, Map<String, Double> low, Map<String, Double> high) {
    Reach last = stillNarrow.get(key);
    if (last != null && last.levels() == levels && last.published().stream().noneMatch(hidden::contains)) {
      return;
    }
    Set<String> free = new LinkedHashSet<>(Set.of(key));
    Set<Integer> kept = new LinkedHashSet<>(index.of(key));
    List<String> frontier = List.of(key);
    for (int level = 1; level < levels; level++) {
      List<String> next = index.neighbours(frontier)
          .filter(t -> hidden.contains(t) && !free.contains(t)).distinct().toList();
      Set<Integer> more = new LinkedHashSet<>(kept);
      next.forEach(t -> more.addAll(index.of(t)));
      if (next.isEmpty() || more.size() > most(levels)) {
        break;
      }
      free.addAll(next);
      kept.addAll(more);
      frontier = next;
    }
    try (LinearModel inside = new LinearModel(values, kept.stream().map(index::get).toList(), cap)) {
      free.forEach(inside::hide);
      inside.interval(key, width, low, high);
      programs += inside.programs();
    }
    if (high.get(key) - low.get(key) < width - LinearModel.TOLERANCE) {
      stillNarrow.put(key, new Reach(levels, kept.stream().flatMap(r -> index.get(r).terms().keySet().stream())
          .filter(t -> !hidden.contains(t)).collect(Collectors.toSet())));
    } else {
      stillNarrow.remove(key);
    }
  }
}

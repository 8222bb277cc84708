package fr.oref.devenir.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A quick look before the LPs: each relation alone bounds each of its hidden terms by what its other
 * terms allow, and the bounds are propagated until they stop moving (bound tightening, as a
 * constraint solver does). The LP interval of a count lies within these bounds, so a count they
 * already pin to less than the required width is short without an LP; its partners are the published
 * counts of the relations that gave its bounds. The converse does not hold: what passes here is left
 * to the LP audit.
 */
final class BoundPropagation {
  private static final double MOVE = 1e-7;
  private static final int MAX_PASSES = 100;

  private final Map<String, Double> values;
  private final List<LinearAudit.Relation> relations;
  private final List<String> keys = new ArrayList<>();
  private final int[][] terms;
  private final double[][] coefficients;

  /** The relations indexed once, for every round of one suppression. */
  BoundPropagation(Map<String, Double> values, List<LinearAudit.Relation> relations) {
    this.values = values;
    this.relations = relations;
    Map<String, Integer> index = new HashMap<>();
    terms = new int[relations.size()][];
    coefficients = new double[relations.size()][];
    for (int r = 0; r < relations.size(); r++) {
      Map<String, Double> t = relations.get(r).terms();
      terms[r] = new int[t.size()];
      coefficients[r] = new double[t.size()];
      int j = 0;
      for (Map.Entry<String, Double> e : t.entrySet()) {
        terms[r][j] = index.computeIfAbsent(e.getKey(), k -> {
          keys.add(k);
          return keys.size() - 1;
        });
        coefficients[r][j++] = e.getValue();
      }
    }
  }

  /** The hidden counts pinned narrower than {@code required} says by bound propagation alone. */
  List<LinearAudit.Interval> tooNarrow(Set<String> hidden, ToDoubleFunction<String> required) {
    int n = keys.size();
    double[] low = new double[n];
    double[] high = new double[n];
    int[] lowBy = new int[n];
    int[] highBy = new int[n];
    boolean[] free = new boolean[n];
    for (int i = 0; i < n; i++) {
      free[i] = hidden.contains(keys.get(i));
      low[i] = free[i] ? 0 : values.get(keys.get(i));
      high[i] = free[i] ? Double.POSITIVE_INFINITY : low[i];
      lowBy[i] = -1;
      highBy[i] = -1;
    }
    boolean moved = true;
    for (int pass = 0; pass < MAX_PASSES && moved; pass++) {
      moved = false;
      for (int r = 0; r < terms.length; r++) {
        for (int j = 0; j < terms[r].length; j++) {
          int x = terms[r][j];
          if (!free[x]) {
            continue;
          }
          // the other terms' range: Σ a·x over j' ≠ j lies in [restLow, restHigh]
          double restLow = 0;
          double restHigh = 0;
          for (int k = 0; k < terms[r].length; k++) {
            if (k != j) {
              double a = coefficients[r][k];
              int y = terms[r][k];
              restLow += a > 0 ? a * low[y] : a * high[y];
              restHigh += a > 0 ? a * high[y] : a * low[y];
            }
          }
          double a = coefficients[r][j];
          boolean equality = relations.get(r).equality();
          // a·x ≤ −restLow always, a·x ≥ −restHigh for an equality
          double upper = -restLow / a;
          double lower = equality ? -restHigh / a : Double.NaN;
          if (a < 0) {
            double swap = upper;
            upper = lower;
            lower = swap;
          }
          if (!Double.isNaN(upper) && upper < high[x] - MOVE) {
            high[x] = Math.max(upper, low[x]);
            highBy[x] = r;
            moved = true;
          }
          if (!Double.isNaN(lower) && lower > low[x] + MOVE) {
            low[x] = Math.min(lower, high[x]);
            lowBy[x] = r;
            moved = true;
          }
        }
      }
    }
    List<LinearAudit.Interval> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double width = free[i] ? required.applyAsDouble(keys.get(i)) : 0;
      if (free[i] && high[i] - low[i] < width - MOVE) {
        Set<String> pinnedBy = new TreeSet<>();
        for (int r : new int[] {lowBy[i], highBy[i]}) {
          if (r >= 0) {
            for (int y : terms[r]) {
              if (!free[y]) {
                pinnedBy.add(keys.get(y));
              }
            }
          }
        }
        out.add(new LinearAudit.Interval(keys.get(i), values.get(keys.get(i)), low[i], high[i], width, pinnedBy));
      }
    }
    return out;
  }
}

package fr.oref.devenir.stats;

import fr.oref.devenir.contracts.Parameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Non-response weighting by raking (iterative proportional fitting): respondents' weights are scaled
 * margin after margin until their weighted counts equal the panel's on every variable.
 * <ol>
 *   <li>Sparse categories (fewer than {@code minRespondents} respondents) are merged with the other
 *       category of the variable that has the fewest respondents (ties: alphabetical), label "A+B",
 *       until none is sparse; targets are merged alike.</li>
 *   <li>IPF until the largest relative margin gap is below {@code tolerance} or {@code maxIterations}.</li>
 *   <li>Weights are trimmed to [lower, upper] × mean weight, then raked again (at most {@code raking_trim_rounds} rounds); if the
 *       bounds and the margins cannot both hold, the bounds win and the gap is reported.</li>
 * </ol>
 * Diagnostics: iterations, convergence, largest gap, Kish design effect n·Σw²/(Σw)², weight range.
 * Respondents may come grouped: a row that stands for {@code size} respondents sharing every margin's
 * category (they would get the same weight anyway) counts {@code size} times everywhere, so a national
 * wave is raked over a few thousand cells instead of hundreds of thousands of rows.
 */
public final class Raking {
  private static final Parameters DEFAULTS = Parameters.get();
  private int minRespondents = DEFAULTS.integer("raking_min_respondents");
  private double tolerance = DEFAULTS.decimal("raking_tolerance");
  private int maxIterations = DEFAULTS.integer("raking_max_iterations");
  private double lower = DEFAULTS.decimal("raking_lower");
  private double upper = DEFAULTS.decimal("raking_upper");
  private final int trimRounds = DEFAULTS.integer("raking_trim_rounds");

  /** What the weighting did, to publish beside the weighted figures. */
  public record Diagnostics(int iterations, boolean converged, double largestGap, double designEffect, double minWeight,
      double maxWeight, int trimmed, List<String> collapsed) {}

  public record Result(double[] weights, Diagnostics diagnostics) {}

  public Raking minRespondents(int n) {
    this.minRespondents = n;
    return this;
  }

  public Raking tolerance(double t) {
    this.tolerance = t;
    return this;
  }

  public Raking maxIterations(int n) {
    this.maxIterations = n;
    return this;
  }

  public Raking trimming(double lowerRatio, double upperRatio) {
    this.lower = lowerRatio;
    this.upper = upperRatio;
    return this;
  }

  /**
   * @param categories per margin variable, each respondent's category
   * @param targets per margin variable, the panel count of each category
   */
  public Result rake(Map<String, String[]> categories, Map<String, Map<String, Double>> targets, double[] initial) {
    double[] ones = new double[initial.length];
    Arrays.fill(ones, 1);
    return rake(categories, targets, initial, ones);
  }

  /**
   * @param sizes how many respondents each row stands for, each weighted {@code initial[i]} then the result's
   *     {@code weights()[i]}
   */
  public Result rake(Map<String, String[]> categories, Map<String, Map<String, Double>> targets, double[] initial,
      double[] sizes) {
    double n = Arrays.stream(sizes).sum();
    List<String> collapsed = new ArrayList<>();
    Map<String, String[]> cats = new LinkedHashMap<>();
    Map<String, Map<String, Double>> tgts = new LinkedHashMap<>();
    for (String variable : categories.keySet()) {
      String[] c = categories.get(variable).clone();
      Map<String, Double> t = new TreeMap<>(targets.get(variable));
      collapse(variable, c, sizes, t, collapsed);
      cats.put(variable, c);
      tgts.put(variable, t);
    }
    double[] w = initial.clone();
    int iterations = ipf(cats, tgts, w, sizes);
    int trimmed = 0;
    for (int round = 0; round < trimRounds; round++) {
      int out = trim(w, sizes);
      if (out == 0) {
        break;
      }
      trimmed += out;
      iterations += ipf(cats, tgts, w, sizes);
    }
    // bounds win when they and the margins cannot both hold: the remaining gap is reported
    for (int pass = 0; pass < 100; pass++) {
      int out = trim(w, sizes);
      trimmed += out;
      if (out == 0) {
        break;
      }
    }
    double gap = largestGap(cats, tgts, w, sizes);
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < w.length; i++) {
      sum += sizes[i] * w[i];
      squares += sizes[i] * w[i] * w[i];
    }
    return new Result(w, new Diagnostics(iterations, gap < tolerance, gap, n * squares / (sum * sum),
        Arrays.stream(w).min().orElse(0), Arrays.stream(w).max().orElse(0), trimmed, collapsed));
  }

  /** Bounds every weight to [lower, upper] × the mean; returns how many respondents' weights moved. */
  private int trim(double[] w, double[] sizes) {
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      total += sizes[i] * w[i];
    }
    double mean = total / Arrays.stream(sizes).sum();
    int out = 0;
    for (int i = 0; i < w.length; i++) {
      double bounded = Math.max(lower * mean, Math.min(upper * mean, w[i]));
      if (Math.abs(bounded - w[i]) > 1e-12 * mean) {
        w[i] = bounded;
        out += (int) sizes[i];
      }
    }
    return out;
  }

  private int ipf(Map<String, String[]> cats, Map<String, Map<String, Double>> tgts, double[] w, double[] sizes) {
    for (int iteration = 1; iteration <= maxIterations; iteration++) {
      for (String variable : cats.keySet()) {
        Map<String, Double> totals = totals(cats.get(variable), w, sizes);
        String[] c = cats.get(variable);
        for (int i = 0; i < w.length; i++) {
          double total = totals.get(c[i]);
          if (total > 0) {
            w[i] *= tgts.get(variable).getOrDefault(c[i], 0.0) / total;
          }
        }
      }
      if (largestGap(cats, tgts, w, sizes) < tolerance) {
        return iteration;
      }
    }
    return maxIterations;
  }

  private static Map<String, Double> totals(String[] categories, double[] w, double[] sizes) {
    Map<String, Double> totals = new TreeMap<>();
    for (int i = 0; i < w.length; i++) {
      totals.merge(categories[i], sizes[i] * w[i], Double::sum);
    }
    return totals;
  }

  private static double largestGap(Map<String, String[]> cats, Map<String, Map<String, Double>> tgts, double[] w,
      double[] sizes) {
    double gap = 0;
    for (String variable : cats.keySet()) {
      Map<String, Double> totals = totals(cats.get(variable), w, sizes);
      for (Map.Entry<String, Double> t : tgts.get(variable).entrySet()) {
        if (t.getValue() > 0) {
          gap = Math.max(gap, Math.abs(totals.getOrDefault(t.getKey(), 0.0) - t.getValue()) / t.getValue());
        }
      }
    }
    return gap;
  }

  /** Merges sparse categories (in respondents) into the smallest other one, in place. */
  private void collapse(String variable, String[] c, double[] sizes, Map<String, Double> targets,
      List<String> collapsed) {
    while (true) {
      Map<String, Double> counts = new TreeMap<>();
      targets.keySet().forEach(k -> counts.put(k, 0.0));
      for (int i = 0; i < c.length; i++) {
        counts.merge(c[i], sizes[i], Double::sum);
      }
      if (counts.size() < 2) {
        return;
      }
      String sparse = counts.entrySet().stream().filter(e -> e.getValue() < minRespondents)
          .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
      if (sparse == null) {
        return;
      }
      String into = counts.entrySet().stream().filter(e -> !e.getKey().equals(sparse))
          .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey).orElseThrow();
      String merged = sparse.compareTo(into) < 0 ? sparse + "+" + into : into + "+" + sparse;
      for (int i = 0; i < c.length; i++) {
        if (c[i].equals(sparse) || c[i].equals(into)) {
          c[i] = merged;
        }
      }
      targets.put(merged, targets.getOrDefault(sparse, 0.0) + targets.getOrDefault(into, 0.0));
      targets.remove(sparse);
      targets.remove(into);
      collapsed.add(variable + ": " + merged);
    }
  }
}

package fr.oref.devenir.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Time to first job with right-censoring: the product-limit estimator S(t) = Π (1 − d_i / n_i) over
 * event times, weighted (d_i and n_i are sums of weights). Quartile q is the smallest t with
 * S(t) ≤ 1 − q (none when the curve never gets there, e.g. everyone censored). The 95 % interval of
 * the median inverts the pointwise band of S(t) on the log scale, S·exp(±1.96·σ), σ the standard
 * error of log S(t) — R survfit's default conf.type = "log" — with Greenwood's
 * σ² = Σ d_i / (n_i (n_i − d_i)) for counts and the infinitesimal jackknife for weighted samples,
 * again as survfit does by default.
 */
public final class KaplanMeier {
  private static final double Z = Proportion.Z;

  /** One observation: months, whether the first job happened (false: censored), and its weight. */
  public record Observation(int months, boolean event, double weight) {}

  /** The curve just after each event time, with the standard error of log S(t) (Greenwood). */
  public record Step(int time, double survival, double logStandardError) {
    double lowerEdge() {
      return survival * Math.exp(-Z * logStandardError);
    }

    double upperEdge() {
      return Math.min(1, survival * Math.exp(Z * logStandardError));
    }
  }

  private final List<Step> steps = new ArrayList<>();

  /** Greenwood's variance: counts of people (unit weights, or weights that are frequencies). */
  public KaplanMeier(List<Observation> observations) {
    this(observations, false);
  }

  /**
   * The curve of a weighted sample (raking weights): the variance of log S(t) is the infinitesimal
   * jackknife Σ_i w_i² (∂ log S(t)/∂w_i)², which treats the weights as sampling weights — Greenwood
   * on weights that sum to the panel would take them for that many observed people and narrow the
   * band. It is what R's survfit computes by default for non-integer weights (robust = TRUE).
   */
  public static KaplanMeier weighted(List<Observation> observations) {
    return new KaplanMeier(observations, true);
  }

  private KaplanMeier(List<Observation> observations, boolean jackknife) {
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort(Comparator.comparingInt(Observation::months));
    List<double[]> events = new ArrayList<>();
    double atRisk = sorted.stream().mapToDouble(Observation::weight).sum();
    int i = 0;
    while (i < sorted.size()) {
      int t = sorted.get(i).months();
      double d = 0;
      double leaving = 0;
      for (; i < sorted.size() && sorted.get(i).months() == t; i++) {
        leaving += sorted.get(i).weight();
        d += sorted.get(i).event() ? sorted.get(i).weight() : 0;
      }
      if (d > 0 && atRisk > 0) {
        events.add(new double[] {t, atRisk, d});
      }
      atRisk -= leaving;
    }
    Map<List<Integer>, Double> squares = new HashMap<>();
    sorted.forEach(o -> squares.merge(List.of(o.months(), o.event() ? 1 : 0), o.weight() * o.weight(), Double::sum));
    double survival = 1;
    double greenwood = 0;
    for (int k = 0; k < events.size(); k++) {
      double[] e = events.get(k);
      survival *= 1 - e[2] / e[1];
      greenwood += e[1] > e[2] ? e[2] / (e[1] * (e[1] - e[2])) : 0;
      double variance = jackknife ? jackknife(events.subList(0, k + 1), squares) : greenwood;
      steps.add(new Step((int) e[0], survival, Math.sqrt(variance)));
    }
  }

  /**
   * Σ over observations of w² · U², U the derivative of log S(t) in the observation's weight:
   * Σ_{t_j ≤ min(t, m)} d_j / (n_j (n_j − d_j)), less 1 / (n_j − d_j) at its own event time. U depends
   * only on (months, event), so observations are grouped by them.
   */
  private static double jackknife(List<double[]> events, Map<List<Integer>, Double> squares) {
    double sum = 0;
    for (Map.Entry<List<Integer>, Double> g : squares.entrySet()) {
      int months = g.getKey().get(0);
      boolean event = g.getKey().get(1) == 1;
      double u = 0;
      for (double[] e : events) {
        if (e[0] <= months && e[1] > e[2]) {
          u += e[2] / (e[1] * (e[1] - e[2])) - (event && e[0] == months ? 1 / (e[1] - e[2]) : 0);
        }
      }
      sum += g.getValue() * u * u;
    }
    return sum;
  }

  public List<Step> steps() {
    return steps;
  }

  /** The smallest time by which a share q has found a job. */
  public Optional<Integer> quantile(double q) {
    return steps.stream().filter(s -> s.survival() <= 1 - q + 1e-12).map(Step::time).findFirst();
  }

  public Optional<Integer> median() {
    return quantile(0.5);
  }

  /**
   * Bounds of the median: the first time the pointwise 95 % band of S(t) reaches 0.5 — its lower edge
   * for the lower bound, its upper edge for the upper bound (as R's quantile.survfit does). On monthly
   * data this is Brookmeyer–Crowley's inversion made robust to steps that jump over 0.5.
   */
  public Optional<Integer> medianLower() {
    return steps.stream().filter(s -> s.lowerEdge() <= 0.5 + 1e-12).map(Step::time).findFirst();
  }

  /** Empty when the band's upper edge never reaches 0.5 within the follow-up. */
  public Optional<Integer> medianUpper() {
    return steps.stream().filter(s -> s.upperEdge() <= 0.5 + 1e-12).map(Step::time).findFirst();
  }
}

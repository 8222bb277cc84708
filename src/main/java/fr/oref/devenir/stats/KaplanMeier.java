package fr.oref.devenir.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Time to first job with right-censoring: the product-limit estimator S(t) = Π (1 − d_i / n_i) over
 * event times, weighted (d_i and n_i are sums of weights). Quartile q is the smallest t with
 * S(t) ≤ 1 − q (none when the curve never gets there, e.g. everyone censored). The 95 % interval of
 * the median inverts the pointwise band S(t) ± 1.96·se(S(t)), with Greenwood's variance
 * se² = S² Σ d_i / (n_i (n_i − d_i)).
 */
public final class KaplanMeier {
  private static final double Z = 1.959963984540054;

  /** One observation: months, whether the first job happened (false: censored), and its weight. */
  public record Observation(int months, boolean event, double weight) {}

  /** The curve just after each event time. */
  public record Step(int time, double survival, double standardError) {}

  private final List<Step> steps = new ArrayList<>();

  public KaplanMeier(List<Observation> observations) {
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort(Comparator.comparingInt(Observation::months));
    double atRisk = sorted.stream().mapToDouble(Observation::weight).sum();
    double survival = 1;
    double greenwood = 0;
    int i = 0;
    while (i < sorted.size()) {
      int t = sorted.get(i).months();
      double events = 0;
      double leaving = 0;
      for (; i < sorted.size() && sorted.get(i).months() == t; i++) {
        leaving += sorted.get(i).weight();
        events += sorted.get(i).event() ? sorted.get(i).weight() : 0;
      }
      if (events > 0 && atRisk > 0) {
        survival *= 1 - events / atRisk;
        greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : 0;
        steps.add(new Step(t, survival, survival * Math.sqrt(greenwood)));
      }
      atRisk -= leaving;
    }
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
   * for the lower bound, its upper edge for the upper bound (as R's survfit does). On monthly data
   * this is Brookmeyer–Crowley's inversion made robust to steps that jump over 0.5.
   */
  public Optional<Integer> medianLower() {
    return steps.stream().filter(s -> s.survival() - Z * s.standardError() <= 0.5).map(Step::time).findFirst();
  }

  /** Empty when the band's upper edge never reaches 0.5 within the follow-up. */
  public Optional<Integer> medianUpper() {
    return steps.stream().filter(s -> s.survival() + Z * s.standardError() <= 0.5).map(Step::time).findFirst();
  }
}

package fr.oref.devenir.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Is a rate's change between two cohorts more than sampling noise? Pooled two-proportion z-test:
 * p = (p1·n1 + p2·n2) / (n1 + n2), z = (p2 − p1) / √(p(1 − p)(1/n1 + 1/n2)), two-sided p-value; the
 * sizes may be Kish effective sizes for weighted rates.
 */
public record TwoProportionTest(double difference, double z, double pValue, boolean significantAt5) {
  private static final NormalDistribution NORMAL = new NormalDistribution();

  public static TwoProportionTest compare(double p1, double n1, double p2, double n2) {
    double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    if (se == 0) {
      return new TwoProportionTest(p2 - p1, 0, 1, false);
    }
    double z = (p2 - p1) / se;
    double p = 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
    return new TwoProportionTest(p2 - p1, z, p, p < 0.05);
  }
}

package fr.oref.devenir.stats;

import fr.oref.devenir.contracts.Parameters;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A rate with its confidence interval (level: data-schemas/parameters.csv, 95 %). Raw: Wilson score
 * interval (commons-math3). Weighted: p̂ = Σw·y / Σw and the Wilson formula with the Kish effective
 * size n_eff = (Σw)² / Σw² in place of n. A zero denominator gives no value (null), never NaN.
 */
public record Proportion(double numerator, double denominator, Double value, Double ciLow, Double ciHigh,
    double effectiveN) {
  static final double CONFIDENCE = Parameters.get().confidence();
  /** The normal quantile of the confidence level (1.96 at 95 %). */
  static final double Z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);

  public static Proportion raw(long x, long n) {
    if (n == 0) {
      return new Proportion(x, n, null, null, null, 0);
    }
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) n, (int) x, CONFIDENCE);
    return new Proportion(x, n, (double) x / n, ci.getLowerBound(), ci.getUpperBound(), n);
  }

  /**
   * @param weightedX Σw over the numerator
   * @param weightedN Σw over the denominator
   * @param sumSquares Σw² over the denominator
   */
  public static Proportion weighted(double weightedX, double weightedN, double sumSquares) {
    if (weightedN <= 0 || sumSquares <= 0) {
      return new Proportion(weightedX, weightedN, null, null, null, 0);
    }
    double p = weightedX / weightedN;
    double nEff = weightedN * weightedN / sumSquares;
    double[] ci = wilson(p, nEff);
    return new Proportion(weightedX, weightedN, p, ci[0], ci[1], nEff);
  }

  /** The same figure without an interval: counted over every leaver of the files, it has no sampling error. */
  public Proportion withoutInterval() {
    return new Proportion(numerator, denominator, value, null, null, effectiveN);
  }

  /** Wilson score interval for a proportion p observed on n (possibly fractional) observations. */
  static double[] wilson(double p, double n) {
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}

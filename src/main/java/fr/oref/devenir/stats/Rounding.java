package fr.oref.devenir.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Published percentages: one decimal, half to even, on the decimal text of the stored proportion
 * ({@code Double.toString}), so 0.1235 is 12.35 % and rounds to 12.4, 0.1225 to 12.2.
 */
public final class Rounding {
  private Rounding() {}

  public static BigDecimal percent(double proportion) {
    return new BigDecimal(Double.toString(proportion)).movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
  }
}

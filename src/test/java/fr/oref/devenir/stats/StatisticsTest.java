package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Intervals, Kaplan–Meier, raking and rounding against values worked by hand. */
class StatisticsTest {
  @Test
  void wilsonOf80In100() {
    Proportion p = Proportion.raw(80, 100);
    assertEquals(0.8, p.value());
    assertEquals(0.7112, p.ciLow(), 1e-4);
    assertEquals(0.8666, p.ciHigh(), 1e-4);
  }

  @Test
  void wilsonAtTheEdgesAndWithoutDenominator() {
    Proportion none = Proportion.raw(0, 10);
    assertEquals(0.0, none.ciLow(), 1e-12);
    assertEquals(0.2775, none.ciHigh(), 1e-4);
    Proportion all = Proportion.raw(10, 10);
    assertEquals(0.7225, all.ciLow(), 1e-4);
    assertEquals(1.0, all.ciHigh(), 1e-12);
    Proportion empty = Proportion.raw(0, 0);
    assertNull(empty.value(), "not computable, never NaN");
    assertNull(empty.ciLow());
  }

  @Test
  void weightedWilsonUsesKishEffectiveSize() {
    Proportion unit = Proportion.weighted(80, 100, 100);
    assertEquals(0.7112, unit.ciLow(), 1e-4, "unit weights give the raw interval");
    assertEquals(100, unit.effectiveN(), 1e-9);
    // 50 respondents of weight 2 and 50 of weight 1 (Σw = 150, Σw² = 250): n_eff = 150² / 250 = 90
    Proportion w = Proportion.weighted(90, 150, 250);
    assertEquals(0.6, w.value(), 1e-12);
    assertEquals(90, w.effectiveN(), 1e-9);
    assertTrue(w.ciHigh() - w.ciLow() > Proportion.raw(60, 100).ciHigh() - Proportion.raw(60, 100).ciLow());
  }

  @Test
  void kaplanMeierByHand() {
    // months (event E / censored C): 0E 2E 2E 3C 4E 5C 7E 9C
    // t=0: 8 at risk, 1 event → S = 7/8 = 0.875 ; t=2: 7 at risk, 2 events → S = 0.875·5/7 = 0.625
    // t=3 censored → 4 at risk ; t=4: 1 event → S = 0.625·3/4 = 0.46875 ; t=5 censored → 2 at risk
    // t=7: 1 event → S = 0.46875·1/2 = 0.234375
    KaplanMeier km = new KaplanMeier(List.of(obs(0, true), obs(2, true), obs(2, true), obs(3, false), obs(4, true),
        obs(5, false), obs(7, true), obs(9, false)));
    assertEquals(List.of(0, 2, 4, 7), km.steps().stream().map(KaplanMeier.Step::time).toList());
    assertEquals(0.625, km.steps().get(1).survival(), 1e-12);
    assertEquals(0.234375, km.steps().get(3).survival(), 1e-12);
    assertEquals(Optional.of(4), km.median());
    assertEquals(Optional.of(2), km.quantile(0.25));
    assertEquals(Optional.of(7), km.quantile(0.75));
    // Greenwood at t=2: 1/(8·7) + 2/(7·5) = 0.0178571 + 0.0571429 = 0.075 → se(log S) = √0.075 = 0.27386
    assertEquals(0.27386, km.steps().get(1).logStandardError(), 1e-5);
    assertEquals(Optional.of(2), km.medianLower(),
        "0.625·exp(−1.96·0.274) = 0.365 ≤ 0.5, while at t=0 0.875·exp(−1.96·0.134) = 0.673 > 0.5");
    // t=7: Greenwood sum 0.075 + 1/(4·3) + 1/(2·1) = 0.6583, σ = 0.8114; 0.234375·exp(1.96·0.8114) = 1.15 > 0.5
    assertTrue(km.medianUpper().isEmpty(), "the band's upper edge never reaches 0.5 within the follow-up");
  }

  @Test
  void kaplanMeierWithEveryoneCensoredHasNoMedian() {
    KaplanMeier km = new KaplanMeier(List.of(obs(7, false), obs(7, false), obs(7, false)));
    assertTrue(km.median().isEmpty());
    assertTrue(km.steps().isEmpty());
  }

  private static KaplanMeier.Observation obs(int months, boolean event) {
    return new KaplanMeier.Observation(months, event, 1.0);
  }

  @Test
  void rakingTwoByTwoByHand() {
    // respondents (a1,b1) (a1,b2) (a2,b1) (a2,b1); targets a: 10/10, b: 12/8.
    // No (a2,b2) respondent: a2's 10 all fall in b1, so (a1,b1) = 12 − 10 = 2 and (a1,b2) = 8.
    Raking.Result r = new Raking().minRespondents(1).trimming(0.01, 100).tolerance(1e-12).maxIterations(10_000)
        .rake(Map.of("a", new String[] {"a1", "a1", "a2", "a2"}, "b", new String[] {"b1", "b2", "b1", "b1"}),
            Map.of("a", Map.of("a1", 10.0, "a2", 10.0), "b", Map.of("b1", 12.0, "b2", 8.0)), new double[] {1, 1, 1, 1});
    assertEquals(2, r.weights()[0], 1e-6);
    assertEquals(8, r.weights()[1], 1e-6);
    assertEquals(5, r.weights()[2], 1e-6);
    assertEquals(5, r.weights()[3], 1e-6);
    assertTrue(r.diagnostics().converged());
    // Kish: n·Σw²/(Σw)² = 4·(4 + 64 + 25 + 25) / 20² = 1.18
    assertEquals(1.18, r.diagnostics().designEffect(), 1e-6);
  }

  /** 30 respondents: 20 of level 3, 7 of level 4 and 3 of level 7, for a panel of 40, 30 and 30. */
  private static final String[] THIRTY_LEVELS = java.util.stream.IntStream.range(0, 30)
      .mapToObj(i -> i < 20 ? "3" : i < 27 ? "4" : "7").toArray(String[]::new);
  private static final Map<String, Map<String, Double>> THIRTY_TARGETS =
      Map.of("level", Map.of("3", 40.0, "4", 30.0, "7", 30.0));

  private static double[] ones(int n) {
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    return ones;
  }

  @Test
  void sparseCategoriesAreCollapsedAndWeightsTrimmed() {
    Raking.Result r = new Raking().trimming(0.5, 1.5).rake(Map.of("level", THIRTY_LEVELS), THIRTY_TARGETS, ones(30));
    assertEquals(List.of("level: 4+7"), r.diagnostics().collapsed(), "7 (3 respondents) joins 4, the smallest other");
    double mean = java.util.Arrays.stream(r.weights()).sum() / 30;
    assertFalse(r.diagnostics().converged(), "6 = 60 / 10 is above 1.5 × the mean: the bounds win");
    assertTrue(r.diagnostics().largestGap() > 0);
    assertTrue(r.diagnostics().trimmed() > 0);
    for (double x : r.weights()) {
      assertTrue(x <= 1.5 * mean + 1e-9 && x >= 0.5 * mean - 1e-9, "trimmed: " + x);
    }
  }

  @Test
  void respondentsGroupedByCellAreRakedAsTheRowsTheyStandFor() {
    // the collapsing and trimming case above, its 30 rows given as 3 cells of 20, 7 and 3 respondents
    Raking.Result rows = new Raking().trimming(0.5, 1.5).rake(Map.of("level", THIRTY_LEVELS), THIRTY_TARGETS, ones(30));
    Raking.Result cells = new Raking().trimming(0.5, 1.5).rake(Map.of("level", new String[] {"3", "4", "7"}),
        THIRTY_TARGETS, ones(3), new double[] {20, 7, 3});
    for (int[] row : new int[][] {{0, 0}, {25, 1}, {29, 2}}) {
      assertEquals(rows.weights()[row[0]], cells.weights()[row[1]], 1e-12);
    }
    Raking.Diagnostics d = rows.diagnostics();
    Raking.Diagnostics e = cells.diagnostics();
    assertEquals(List.of(d.iterations(), d.converged(), d.trimmed(), d.collapsed()),
        List.of(e.iterations(), e.converged(), e.trimmed(), e.collapsed()));
    assertEquals(d.designEffect(), e.designEffect(), 1e-12);
    assertEquals(d.largestGap(), e.largestGap(), 1e-12);
  }

  @Test
  void roundingHalfToEvenOnOneDecimal() {
    assertEquals(new BigDecimal("12.3"), Rounding.percent(0.12345));
    assertEquals(new BigDecimal("12.4"), Rounding.percent(0.1235));
    assertEquals(new BigDecimal("12.2"), Rounding.percent(0.1225));
    assertEquals(new BigDecimal("0.1"), Rounding.percent(0.00125));
    assertEquals(new BigDecimal("100.0"), Rounding.percent(1.0));
  }

  @Test
  void twoProportionTestByHand() {
    // 60/100 then 45/100: pooled 0.525, se = √(0.525·0.475·0.02) = 0.070622, z = −0.15/0.070622 = −2.124
    TwoProportionTest t = TwoProportionTest.compare(0.60, 100, 0.45, 100);
    assertEquals(-0.15, t.difference(), 1e-12);
    assertEquals(-2.124, t.z(), 1e-3);
    assertEquals(0.0337, t.pValue(), 1e-4);
    assertTrue(t.significantAt5());
    assertFalse(TwoProportionTest.compare(0.60, 100, 0.55, 100).significantAt5());
  }
}

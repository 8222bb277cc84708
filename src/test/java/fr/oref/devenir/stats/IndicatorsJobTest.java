package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.testing.SharedSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten leavers written by hand into gold.outcomes; every expected value below is worked from this
 * table, not produced by the code under test.
 *
 * <pre>
 * id  cfa dep level sex respondent situation   lasting months(censored)
 * A1  A   14  3     F   yes        EMPLOYMENT  yes     0
 * A2  A   14  3     F   yes        EMPLOYMENT  no      3
 * A3  A   14  3     M   yes        STUDY
 * A4  A   14  3     M   yes        JOB_SEEKING         7 (censored)
 * A5  A   14  3     M   no
 * A6  A   14  3     F   no
 * B1  B   50  4     F   yes        EMPLOYMENT  yes     1
 * B2  B   50  4     M   yes        INACTIVE            7 (censored)
 * B3  B   50  4     M   refused
 * B4  B   50  4     F   no
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsJobTest {
  static final int COHORT = 2022;
  SparkSession spark;
  Lake lake;

  static Map<String, Object> leaver(String id, String cfa, String dep, String level, String sex) {
    Map<String, Object> m = new HashMap<>(Map.of("cohort", COHORT, "wave", 1, "leaver_key", id, "leaver_id", id,
        "uai_cfa", cfa, "uai_site", cfa, "department", dep, "level", level, "sex", sex, "cfd", level + "0000000"));
    m.put("respondent", false);
    m.put("opted_out", false);
    m.put("response_status", "PENDING");
    m.put("diploma_obtained", "UNKNOWN");
    m.put("contract_broken", false);
    return m;
  }

  static Map<String, Object> answered(Map<String, Object> m, String situation, Boolean lasting, Integer months,
      boolean censored) {
    m.put("respondent", true);
    m.put("response_status", "COMPLETE");
    m.put("situation", situation);
    boolean study = situation.equals("STUDY");
    m.put("further_study", study);
    m.put("active", !study);
    m.put("employed", situation.equals("EMPLOYMENT"));
    m.put("neet", situation.equals("JOB_SEEKING") || situation.equals("INACTIVE"));
    m.put("lasting_job", lasting != null && lasting);
    m.put("months_to_first_job", months);
    m.put("first_job_censored", months == null ? null : censored);
    m.put("job_within_6_months", months == null ? null : !censored && months <= 6);
    return m;
  }

  @BeforeAll
  void outcomes(@TempDir Path dir) {
    spark = SharedSpark.session();
    lake = new Lake(spark, dir.toString());
    List<Map<String, Object>> rows = new ArrayList<>(List.of(
        answered(leaver("A1", "A", "14", "3", "F"), "EMPLOYMENT", true, 0, false),
        answered(leaver("A2", "A", "14", "3", "F"), "EMPLOYMENT", false, 3, false),
        answered(leaver("A3", "A", "14", "3", "M"), "STUDY", null, null, false),
        answered(leaver("A4", "A", "14", "3", "M"), "JOB_SEEKING", null, 7, true),
        leaver("A5", "A", "14", "3", "M"),
        leaver("A6", "A", "14", "3", "F"),
        answered(leaver("B1", "B", "50", "4", "F"), "EMPLOYMENT", true, 1, false),
        answered(leaver("B2", "B", "50", "4", "M"), "INACTIVE", null, 7, true),
        leaver("B3", "B", "50", "4", "M"),
        leaver("B4", "B", "50", "4", "F")));
    rows.get(8).put("opted_out", true);
    rows.get(8).put("response_status", "REFUSED");
    lake.append(Table.OUTCOMES, spark.createDataFrame(rows.stream().map(r -> Rows.of(Table.OUTCOMES.schema(), r)).toList(),
        Table.OUTCOMES.schema()));
    lake.append(Table.LEAVERS, spark.createDataFrame(rows.stream().map(r -> Rows.of(Table.LEAVERS.schema(), r)).toList(),
        Table.LEAVERS.schema()));
    rows.forEach(r -> r.put("cohort", COHORT - 1));
    lake.append(Table.OUTCOMES, spark.createDataFrame(rows.stream().map(r -> Rows.of(Table.OUTCOMES.schema(), r)).toList(),
        Table.OUTCOMES.schema()));
    lake.append(Table.LEAVERS, spark.createDataFrame(rows.stream().map(r -> Rows.of(Table.LEAVERS.schema(), r)).toList(),
        Table.LEAVERS.schema()));
  }

  private Map<String, Row> run(int threshold) throws Exception {
    IndicatorsJob.run(spark, lake.root(), COHORT, 1, threshold, null);
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : lake.read(Table.INDICATORS).filter("cohort = 2022").collectAsList()) {
      byKey.put(r.getAs("weighting") + "|" + r.getAs("dimension") + "|" + r.getAs("dimension_value") + "|"
          + r.getAs("indicator"), r);
    }
    return byKey;
  }

  private static void assertRate(Map<String, Row> t, String key, double numerator, double denominator) {
    Row r = t.get(key);
    assertEquals(numerator, r.<Double>getAs("numerator"), 1e-9, key);
    assertEquals(denominator, r.<Double>getAs("denominator"), 1e-9, key);
    assertEquals(numerator / denominator, r.<Double>getAs("value"), 1e-9, key);
  }

  @Test
  void regionalAndCfaRatesByHand() throws Exception {
    Map<String, Row> t = run(1);
    assertRate(t, "raw|region|ALL|response_rate", 6, 10);
    assertRate(t, "raw|region|ALL|employment_rate", 3, 5);
    assertRate(t, "raw|region|ALL|further_study_rate", 1, 6);
    assertRate(t, "raw|region|ALL|neet_rate", 2, 6);
    assertRate(t, "raw|region|ALL|lasting_job_rate", 2, 3);
    assertRate(t, "raw|region|ALL|job_within_6_months", 3, 5);
    assertRate(t, "raw|cfa|A|employment_rate", 2, 3);
    assertRate(t, "raw|cfa|B|response_rate", 2, 4);
    assertRate(t, "raw|sex|F|response_rate", 3, 5);
    assertRate(t, "raw|cfa*level|A*3|employment_rate", 2, 3);
    // actives' durations 0 1 3 7+ 7+: S = 4/5, 3/5, 2/5 at 0, 1, 3 → median 3 months
    assertEquals(3.0, t.get("raw|region|ALL|median_months_to_first_job").<Double>getAs("value"));
    Row wilson = t.get("raw|region|ALL|employment_rate");
    assertEquals(0.2307, wilson.<Double>getAs("ci_low"), 1e-4, "Wilson 3/5");
    assertEquals(0.8824, wilson.<Double>getAs("ci_high"), 1e-4);
  }

  @Test
  void theRegionsRawRatesAsATable() throws Exception {
    run(1);
    List<String> columns = List.of("dimension", "dimension_value", "indicator", "numerator", "denominator", "value");
    Dataset<Row> expected = SharedSpark.expected(Table.INDICATORS, columns,
        new Object[] {"region", "ALL", "employment_rate", 3.0, 5.0, 3.0 / 5},
        new Object[] {"region", "ALL", "further_study_rate", 1.0, 6.0, 1.0 / 6},
        new Object[] {"region", "ALL", "job_within_6_months", 3.0, 5.0, 3.0 / 5},
        new Object[] {"region", "ALL", "lasting_job_rate", 2.0, 3.0, 2.0 / 3},
        new Object[] {"region", "ALL", "neet_rate", 2.0, 6.0, 2.0 / 6},
        new Object[] {"region", "ALL", "response_rate", 6.0, 10.0, 6.0 / 10});
    Dataset<Row> region = lake.read(Table.INDICATORS).filter("cohort = 2022 AND weighting = 'raw' AND dimension = 'region'"
        + " AND indicator IN ('employment_rate', 'further_study_rate', 'job_within_6_months', 'lasting_job_rate',"
        + " 'neet_rate', 'response_rate')").orderBy("indicator");
    SharedSpark.assertSameRows(expected, SharedSpark.actual(region, expected), 1e-9);
  }

  @Test
  void edgeCasesOfDenominators() throws Exception {
    Map<String, Row> t = run(1);
    Row noActive = t.get("raw|cfa|B|lasting_job_rate");
    assertEquals(1.0, noActive.<Double>getAs("value"), "B1 is B's only employed leaver");
    Row noRelated = t.get("raw|region|ALL|related_job_rate");
    assertEquals(0.0, noRelated.<Double>getAs("denominator"));
    assertNull(noRelated.getAs("value"), "not computable, never NaN");
    assertNull(t.get("raw|region|ALL|field_match_rate").getAs("value"));
  }

  @Test
  void everyoneIsWeightedAlikeWhenEveryMarginCollapses() throws Exception {
    Map<String, Row> t = run(1);
    Row weighted = t.get("weighted|region|ALL|employment_rate");
    assertEquals(0.6, weighted.<Double>getAs("value"), 1e-9);
    assertEquals(5.0, weighted.<Double>getAs("effective_n"), 1e-9, "equal weights: n_eff = n");
    assertEquals(10.0 / 6 * 5, weighted.<Double>getAs("denominator"), 1e-9, "weights sum to the panel");
  }

  @Test
  void secrecyHidesSmallCellsAndTheirComplement() throws Exception {
    Map<String, Row> t = run(5);
    Row b = t.get("raw|department|50|response_rate");
    assertEquals(true, b.getAs("suppressed"));
    assertEquals("LT_5", b.getAs("suppression_reason"));
    Row a = t.get("raw|department|14|response_rate");
    assertEquals("SECONDARY", a.getAs("suppression_reason"), "region − department 14 would give department 50");
    Row region = t.get("raw|region|ALL|response_rate");
    assertNull(region.getAs("suppression_reason"),
        "the region stays published: 6 respondents of 10 split between hidden departments in [0, 6]");
    assertEquals(0.6, region.<Double>getAs("value"), 1e-9);
    assertEquals(t.get("weighted|department|14|response_rate").<String>getAs("suppression_reason"),
        a.<String>getAs("suppression_reason"), "weighted rows share the raw rows' secrecy");
  }

  @Test
  void trendsCompareWithThePreviousCohort() throws Exception {
    IndicatorsJob.run(spark, lake.root(), COHORT - 1, 1, 1, null);
    IndicatorsJob.Result r = IndicatorsJob.run(spark, lake.root(), COHORT, 1, 1, null);
    assertEquals(true, r.trends() > 0);
    Row employment = lake.read(Table.INDICATOR_TRENDS).filter("dimension = 'region' AND indicator = 'employment_rate'"
        + " AND weighting = 'raw'").first();
    assertEquals(0.6, employment.<Double>getAs("previous_value"), 1e-9, "the same ten leavers a year earlier");
    assertEquals(0.0, employment.<Double>getAs("change"), 1e-12);
    assertEquals(false, employment.getAs("significant"));
  }
}

package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.testing.SharedSpark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The InserJeunes-comparable rates, the unknown delays of job_within_6_months and the figures
 * without interval, on seven leavers and three exclusions written by hand (wave 1, one CFA):
 *
 * <pre>
 * id  sex situation              contract          pro contract  months (censored)
 * E1  F   EMPLOYMENT             CDI                             2
 * E2  M   EMPLOYMENT             SELF_EMPLOYED                   1
 * E3  M   EMPLOYMENT             FIXED_TERM_LT_6M                unknown (job, no date)
 * P1  F   APPRENTICESHIP_STUDY                     yes
 * S1  F   STUDY
 * J1  F   JOB_SEEKING                                            7 (censored)
 * N1  M   non-respondent
 * R1, R2 (F): repeaters of the CFA's file; D1: a duplicate (counts nowhere)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparableFiguresTest {
  static final int COHORT = 2022;
  final Map<String, Row> t = new HashMap<>();

  private static Map<String, Object> leaver(String id, String sex) {
    Map<String, Object> m = IndicatorsJobTest.leaver(id, "A", "14", "3", sex);
    m.put("cohort", COHORT);
    return m;
  }

  private static Map<String, Object> answered(String id, String situation, String contract, Integer months,
      boolean censored) {
    Map<String, Object> m = IndicatorsJobTest.answered(leaver(id, id.endsWith("1") ? "F" : "M"), situation, null, months,
        censored);
    m.put("further_study", situation.equals("STUDY") || situation.equals("APPRENTICESHIP_STUDY"));
    m.put("active", !(Boolean) m.get("further_study"));
    m.put("salaried", situation.equals("EMPLOYMENT") && !"SELF_EMPLOYED".equals(contract));
    m.put("professionalisation_contract", id.equals("P1"));
    return m;
  }

  private static Row exclusion(String key, String reason) {
    Map<String, Object> m = new HashMap<>(Map.of("cohort", COHORT, "leaver_key", key, "reason", reason, "uai_cfa", "A",
        "uai_site", "A", "department", "14", "level", "3", "sex", "F", "cfd", "30000000"));
    m.put("source_file", "f.xlsx");
    m.put("row_number", key.hashCode());
    return Rows.of(Table.LEAVER_EXCLUSIONS.schema(), m);
  }

  @BeforeAll
  void run(@TempDir Path dir) throws Exception {
    SparkSession spark = SharedSpark.session();
    Lake lake = new Lake(spark, dir.toString());
    List<Map<String, Object>> rows = List.of(
        answered("E1", "EMPLOYMENT", "CDI", 2, false),
        answered("E2", "EMPLOYMENT", "SELF_EMPLOYED", 1, false),
        answered("E3", "EMPLOYMENT", "FIXED_TERM_LT_6M", null, false),
        answered("P1", "APPRENTICESHIP_STUDY", null, null, false),
        answered("S1", "STUDY", null, null, false),
        answered("J1", "JOB_SEEKING", null, 7, true),
        leaver("N1", "M"));
    lake.append(Table.OUTCOMES, spark.createDataFrame(rows.stream().map(r -> Rows.of(Table.OUTCOMES.schema(), r))
        .toList(), Table.OUTCOMES.schema()));
    lake.append(Table.LEAVERS, spark.createDataFrame(rows.stream().map(r -> Rows.of(Table.LEAVERS.schema(), r))
        .toList(), Table.LEAVERS.schema()));
    lake.append(Table.LEAVER_EXCLUSIONS, spark.createDataFrame(List.of(exclusion("R1", "REPEATER"),
        exclusion("R2", "REPEATER"), exclusion("D1", "DUPLICATE")), Table.LEAVER_EXCLUSIONS.schema()));
    IndicatorsJob.run(spark, lake.root(), COHORT, 1, 1, null);
    for (Row r : lake.read(Table.INDICATORS).collectAsList()) {
      t.put(r.getAs("weighting") + "|" + r.getAs("dimension") + "|" + r.getAs("dimension_value") + "|"
          + r.getAs("indicator"), r);
    }
  }

  private void assertRate(String key, double numerator, double denominator) {
    Row r = t.get(key);
    assertEquals(numerator, r.<Double>getAs("numerator"), 1e-9, key);
    assertEquals(denominator, r.<Double>getAs("denominator"), 1e-9, key);
    assertEquals(numerator / denominator, r.<Double>getAs("value"), 1e-9, key);
  }

  @Test
  void salariedEmploymentCountsProfessionalisationAndLeavesSelfEmploymentOut() {
    assertRate("raw|region|ALL|employment_rate", 3, 4);
    // E1 and E3 are employees, P1's professionalisation contract is a job; base: E1 E2 E3 J1 and P1
    assertRate("raw|region|ALL|salaried_employment_rate_ij", 3, 5);
    assertRate("raw|cfa|A|salaried_employment_rate_ij", 3, 5);
  }

  @Test
  void repeatersCountAsFurtherStudyButNotInThePanel() {
    assertRate("raw|region|ALL|further_study_rate", 2, 6);
    // S1 and the two repeaters (P1 is a job for InserJeunes) among six respondents and two repeaters
    assertRate("raw|region|ALL|further_study_rate_ij", 3, 8);
    assertRate("raw|sex|F|further_study_rate_ij", 3, 6);
    // every margin collapses (fewer than 10 respondents): each respondent weighs 7/6, a repeater 1
    assertRate("weighted|region|ALL|further_study_rate_ij", 7.0 / 6 + 2, 7 + 2);
    assertRate("raw|region|ALL|response_rate", 6, 7);
    assertRate("raw|region|ALL|contract_break_rate", 0, 7);
  }

  @Test
  void unknownDelaysAreLeftOutOfJobWithinSixMonths() {
    // E1 (2) and E2 (1) within 6 months, J1 censored at 7 is not; E3's delay is unknown
    assertRate("raw|region|ALL|job_within_6_months", 2, 3);
  }

  @Test
  void figuresOverEveryLeaverHaveNoInterval() {
    for (String indicator : List.of("response_rate", "contract_break_rate")) {
      for (String weighting : List.of("raw", "weighted")) {
        Row r = t.get(weighting + "|region|ALL|" + indicator);
        assertNull(r.getAs("ci_low"), weighting + " " + indicator);
        assertNull(r.getAs("ci_high"), weighting + " " + indicator);
      }
    }
    assertNotNull(t.get("raw|region|ALL|employment_rate").getAs("ci_low"), "a sampled rate keeps its interval");
  }
}

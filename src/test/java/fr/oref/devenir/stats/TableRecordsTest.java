package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Rows;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The typed rows stages hand each other stay their table's contract (data-schemas/tables/), and are
 * read and written by column name, not by position.
 */
class TableRecordsTest {

  @Test
  void eachRecordsComponentsAreItsTablesColumnsInOrder() {
    Map<Class<? extends Record>, Table> tables = Map.of(IndicatorResult.class, Table.INDICATORS, WeightingRun.class,
        Table.WEIGHTING);
    tables.forEach((type, table) -> assertEquals(List.of(table.schema().fieldNames()),
        Arrays.stream(type.getRecordComponents()).map(Rows::column).toList(), type.getSimpleName()));
  }

  @Test
  void aRecordWrittenAsARowReadsBackTheSame() {
    WeightingRun run = new WeightingRun(2022, 1, 700L, 480L, "uai_cfa, level", 12, false, 0.02, 1.3, 0.4, 3.1, 2,
        "level: 6+7");
    Row row = Rows.of(Table.WEIGHTING.schema(), run);

    assertEquals(0.02, row.<Double>getAs("largest_gap"));
    assertEquals("level: 6+7", row.<String>getAs("collapsed"));
    assertEquals(run, WeightingRun.of(row));
    assertEquals(List.of("level: 6+7"), run.merges());
  }

  @Test
  void aRowIsReadByColumnName() {
    Map<String, Object> values = new HashMap<>(Map.of("cohort", 2022, "wave", 2, "weighting", "raw", "dimension", "cfa",
        "dimension_value", "0141234A", "indicator", "employment_rate", "numerator", 12.0, "denominator", 16.0,
        "value", 0.75, "suppressed", true));
    values.put("ci_low", 0.5);
    values.put("ci_high", 0.9);
    values.put("suppression_reason", "SECONDARY");
    Row row = Rows.of(Table.INDICATORS.schema(), values);

    IndicatorResult r = IndicatorResult.of(row);

    assertEquals("0141234A", r.dimensionValue());
    assertEquals(0.5, r.ciLow());
    assertEquals(0.9, r.ciHigh());
    assertEquals(null, r.effectiveN());
    assertTrue(r.raw() && r.hidden());
    assertEquals("SECONDARY", r.column("suppression_reason"));
    assertEquals(16.0, r.column("denominator"));
    IndicatorResult published = r.withSuppression(null);
    assertFalse(published.hidden());
    assertEquals(null, published.suppressionReason());
    assertEquals(r.numerator(), published.numerator());
    assertThrows(IllegalArgumentException.class, () -> r.column("numerateur"));
  }
}

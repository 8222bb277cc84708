package fr.oref.devenir.stats;

import fr.oref.devenir.lake.Rows;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A row of gold.indicators as the stages after {@code indicators} read it (publish, the commands' key
 * figures): its components are the table's columns (data-schemas/tables/gold.indicators.ddl) in
 * camelCase and in order, which a test holds to the contract.
 */
public record IndicatorResult(Integer cohort, Integer wave, String weighting, String dimension,
    String dimensionValue, String indicator, Double numerator, Double denominator, Double value, Double ciLow,
    Double ciHigh, Double effectiveN, Boolean suppressed, String suppressionReason) {

  public static IndicatorResult of(Row row) {
    return Rows.as(row, IndicatorResult.class);
  }

  /** Rows of gold.indicators brought to the driver, in their order (a wave's: a few tens of thousands). */
  public static List<IndicatorResult> collect(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(IndicatorResult::of).toList();
  }

  public boolean raw() {
    return IndicatorsJob.RAW.equals(weighting);
  }

  public boolean hidden() {
    return Boolean.TRUE.equals(suppressed);
  }

  /** The median's figure is a number of months: its numerator and denominator are not a rate's. */
  public boolean months() {
    return IndicatorCatalog.MEDIAN.equals(indicator);
  }

  /** The same figure under another suppression (a CFA's bundle, at its restricted threshold). */
  public IndicatorResult withSuppression(String reason) {
    return new IndicatorResult(cohort, wave, weighting, dimension, dimensionValue, indicator, numerator, denominator,
        value, ciLow, ciHigh, effectiveN, reason != null, reason);
  }

  /** A column by its contract name, for files whose columns a contract lists (the open data). */
  public Object column(String name) {
    return Rows.get(this, name);
  }
}

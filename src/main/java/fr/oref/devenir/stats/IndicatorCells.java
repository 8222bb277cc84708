package fr.oref.devenir.stats;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sums every indicator needs, for every value of every dimension, in one pass: each outcome row
 * is exploded into its (dimension, value) cells and a single group-by computes, per count of
 * data-schemas/counts.csv, n, Σw and Σw² (w the non-response weight, 1 for the repeaters wave 1
 * adds for InserJeunes, see {@link Repeaters}, 0 for other non-respondents) — Spark's fixed cost
 * per query makes one wide aggregation far cheaper than one query per cell. The times to first job
 * of the actives are collected per cell for Kaplan–Meier.
 */
public final class IndicatorCells {
  private IndicatorCells() {}

  public static String column(String count, String sum) {
    return count + "__" + sum;
  }

  public static Dataset<Row> aggregate(Dataset<Row> outcomes, List<IndicatorCatalog.Count> counts,
      List<IndicatorCatalog.Dimension> dimensions) {
    Column cells = array(dimensions.stream()
        .map(d -> struct(lit(d.name()).as("dimension"), valueOf(d).as("dimension_value")))
        .toArray(Column[]::new));
    Dataset<Row> exploded = outcomes
        .withColumn("w", when(col("respondent"), col("weight")).when(col("repeater"), lit(1.0)).otherwise(lit(0.0)))
        .withColumn("cell", explode(cells))
        .filter(col("cell.dimension_value").isNotNull());
    List<Column> sums = new ArrayList<>();
    for (IndicatorCatalog.Count count : counts) {
      Column in = expr(count.expression());
      sums.add(sum(when(in, 1L).otherwise(0L)).as(column(count.name(), "n")));
      sums.add(sum(when(in, col("w")).otherwise(0.0)).as(column(count.name(), "w")));
      sums.add(sum(when(in, col("w").multiply(col("w"))).otherwise(0.0)).as(column(count.name(), "wsq")));
    }
    sums.add(collect_list(when(col("active").and(col("months_to_first_job").isNotNull()),
        struct(col("months_to_first_job").as("months"), col("first_job_censored").as("censored"), col("w")))).as("durations"));
    return exploded.groupBy(col("cell.dimension").as("dimension"), col("cell.dimension_value").as("dimension_value"))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
  }

  /** The cell a row falls in for a dimension: ALL for the region, values joined by * for crossings. */
  static Column valueOf(IndicatorCatalog.Dimension d) {
    if (d.columns().isEmpty()) {
      return lit(IndicatorCatalog.ALL);
    }
    Column allKnown = lit(true);
    for (String c : d.columns()) {
      allKnown = allKnown.and(col(c).isNotNull());
    }
    return when(allKnown, concat_ws("*", d.columns().stream().map(c -> col(c).cast("string")).toArray(Column[]::new)));
  }
}

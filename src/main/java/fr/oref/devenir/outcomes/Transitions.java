package fr.oref.devenir.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The panel view across waves: each leaver's V1 and V2 rows joined, and the V1 → V2 transition counts. */
public final class Transitions {
  private Transitions() {}

  /** One row per leaver of the cohort with its V1 and V2 outcome columns side by side (suffixes _v1, _v2). */
  public static Dataset<Row> panelView(Dataset<Row> outcomes, int cohort) {
    Dataset<Row> cohortRows = outcomes.filter(col("cohort").equalTo(cohort));
    Dataset<Row> v1 = suffixed(cohortRows.filter(col("wave").equalTo(1)), "_v1");
    Dataset<Row> v2 = suffixed(cohortRows.filter(col("wave").equalTo(2)), "_v2");
    return v1.join(v2, v1.col("leaver_key_v1").equalTo(v2.col("leaver_key_v2")), "left");
  }

  public static Dataset<Row> counts(Dataset<Row> outcomes, int cohort) {
    Dataset<Row> view = panelView(outcomes, cohort);
    return view.groupBy(
            label(col("respondent_v1"), col("situation_v1")).as("situation_v1"),
            when(col("leaver_key_v2").isNull(), lit("NOT_IN_V2_PANEL"))
                .otherwise(label(col("respondent_v2"), col("situation_v2"))).as("situation_v2"))
        .agg(count(lit(1)).as("leavers"))
        .withColumn("cohort", lit(cohort));
  }

  private static Column label(Column respondent, Column situation) {
    return when(coalesce(respondent, lit(false)), coalesce(situation, lit("UNKNOWN"))).otherwise(lit("NON_RESPONDENT"));
  }

  private static Dataset<Row> suffixed(Dataset<Row> df, String suffix) {
    Dataset<Row> out = df;
    for (String c : df.columns()) {
      out = out.withColumnRenamed(c, c + suffix);
    }
    return out;
  }
}

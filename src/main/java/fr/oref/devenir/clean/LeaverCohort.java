package fr.oref.devenir.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Splits validated rows into the four places a row can end: rejected (any ERROR), excluded as a
 * repeater, excluded as a duplicate, or kept in the cohort. Pure functions of the validated rows,
 * so the split does not depend on the order files arrived in.
 */
public final class LeaverCohort {
  public static final String REPEATER = "REPEATER";
  public static final String DUPLICATE = "DUPLICATE";

  private LeaverCohort() {}

  /** Every issue of every row, rejected or not (warnings are reported too). */
  public static Dataset<Row> issues(Dataset<Row> validated) {
    return validated
        .select(col("cohort"), col("file_cfa"), col("batch_id"), col("source_file"), col("sheet"), col("row_number"),
            explode(col("issues")).as("issue"))
        .select(col("cohort"), col("file_cfa"), col("batch_id"), col("source_file"), col("sheet"), col("row_number"),
            col("issue.column_name"), col("issue.field"), col("issue.rule"), col("issue.severity"), col("issue.message"));
  }

  public static Dataset<Row> repeaters(Dataset<Row> validated) {
    return validated.filter(not(col("rejected")).and(col("repeating")))
        .withColumn("reason", lit(REPEATER))
        .withColumn("detail", lit("Redoublant : sera interrogé avec la cohorte de l'an prochain."));
  }

  private static Dataset<Row> candidates(Dataset<Row> validated) {
    return validated.filter(not(col("rejected")).and(not(col("repeating"))));
  }

  /**
   * Which row wins among copies of one person: the one with the fewest warnings, then the latest
   * training end (the most recent information), then file and row order, so the choice is stable.
   */
  private static WindowSpec winnerFirst(String partition) {
    return Window.partitionBy(partition)
        .orderBy(col("warnings").asc(), col("training_end").desc_nulls_last(), col("source_file"), col("row_number"));
  }

  /** Rows ranked by person: same names and birth date (the key), then same INE among the survivors. */
  private static Dataset<Row> rankByIdentity(Dataset<Row> validated) {
    WindowSpec byKey = winnerFirst("leaver_key");
    Dataset<Row> byName = candidates(validated)
        .withColumn("rank_key", row_number().over(byKey))
        .withColumn("kept_by_key_file", first("source_file").over(byKey))
        .withColumn("kept_by_key_row", first("row_number").over(byKey));
    Column ineKnown = col("ine").isNotNull().and(col("rank_key").equalTo(1));
    WindowSpec byIne = winnerFirst("ine_partition");
    return byName
        .withColumn("ine_partition", org.apache.spark.sql.functions.when(ineKnown, col("ine"))
            .otherwise(col("leaver_key")))
        .withColumn("rank_ine", row_number().over(byIne))
        .withColumn("kept_by_ine_file", first("source_file").over(byIne))
        .withColumn("kept_by_ine_row", first("row_number").over(byIne));
  }

  public static Dataset<Row> kept(Dataset<Row> validated) {
    return rankByIdentity(validated).filter(col("rank_key").equalTo(1).and(col("rank_ine").equalTo(1)));
  }

  public static Dataset<Row> duplicates(Dataset<Row> validated) {
    Dataset<Row> ranked = rankByIdentity(validated);
    Dataset<Row> sameName = ranked.filter(col("rank_key").gt(1))
        .withColumn("kept_source_file", col("kept_by_key_file"))
        .withColumn("kept_row_number", col("kept_by_key_row"))
        .withColumn("detail", format_string(
            "Doublon : même nom, prénom et date de naissance que la ligne %d du fichier %s, qui est conservée.",
            col("kept_by_key_row"), regexp_extract(col("kept_by_key_file"), "[^/]*$", 0)));
    Dataset<Row> sameIne = ranked.filter(col("rank_key").equalTo(1).and(col("rank_ine").gt(1)))
        .withColumn("kept_source_file", col("kept_by_ine_file"))
        .withColumn("kept_row_number", col("kept_by_ine_row"))
        .withColumn("detail", format_string(
            "Doublon : même INE que la ligne %d du fichier %s, qui est conservée.",
            col("kept_by_ine_row"), regexp_extract(col("kept_by_ine_file"), "[^/]*$", 0)));
    return sameName.unionByName(sameIne).withColumn("reason", lit(DUPLICATE));
  }
}

package fr.oref.devenir.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.oref.devenir.clean.LeaverCohort;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The cohort's repeaters beside a wave's outcomes, for the InserJeunes-comparable further-study rate
 * (InserJeunes counts a repeater as continuing in training). They are known from the CFAs' files only
 * (silver.leaver_exclusions), so they enter as non-respondents flagged {@code repeater} with the
 * columns that place them in cells. Wave 1 only: the wave-2 panel leaves out everyone in further
 * study at wave 1, which a repeater is by definition.
 */
public final class Repeaters {
  static final List<String> CELL_COLUMNS = List.of("uai_cfa", "uai_site", "department", "cfd", "rncp", "nsf",
      "level", "sex");

  private Repeaters() {}

  public static Dataset<Row> withRepeaters(Lake lake, Dataset<Row> outcomes, int cohort, int wave) {
    Dataset<Row> flagged = outcomes.withColumn("repeater", lit(false));
    if (wave != 1) {
      return flagged;
    }
    Dataset<Row> repeaters = lake.read(Table.LEAVER_EXCLUSIONS)
        .filter(col("cohort").equalTo(cohort).and(col("reason").equalTo(LeaverCohort.REPEATER)))
        .select(CELL_COLUMNS.stream().map(Column::new).toArray(Column[]::new))
        .withColumn("cohort", lit(cohort))
        .withColumn("wave", lit(wave))
        .withColumn("respondent", lit(false))
        .withColumn("repeater", lit(true));
    return flagged.unionByName(repeaters, true);
  }
}

package fr.oref.devenir.stats;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Raking of a wave's respondents to its panel on CFA, diploma level, sex and diploma obtained as the
 * CFA's file says (the only version known for non-respondents too). The weights land in
 * gold.outcomes, the diagnostics in gold.weighting.
 */
public final class Weighting {
  static final List<String> MARGINS = List.of("uai_cfa", "level", "sex", "file_diploma");

  private Weighting() {}

  /** The respondents' weights (leaver_key, new_weight) and how the raking went. */
  public record Weights(Dataset<Row> frame, Raking.Diagnostics diagnostics, long panel, long respondents) {}

  public static Weights rake(Lake lake, int cohort, int wave) {
    SparkSession spark = lake.spark();
    Dataset<Row> outcomes = lake.read(Table.OUTCOMES).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)));
    Dataset<Row> file = lake.read(Table.LEAVERS).filter(col("cohort").equalTo(cohort))
        .select(col("leaver_key"), col("diploma_obtained").as("file_diploma"));
    List<Row> panel = outcomes.join(file, "leaver_key").select("leaver_key", "respondent", "uai_cfa", "level", "sex",
        "file_diploma").collectAsList();
    Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
    List<Row> respondents = new ArrayList<>();
    for (Row r : panel) {
      for (String m : MARGINS) {
        targets.computeIfAbsent(m, k -> new HashMap<>()).merge(String.valueOf(r.<Object>getAs(m)), 1.0, Double::sum);
      }
      if (Boolean.TRUE.equals(r.getAs("respondent"))) {
        respondents.add(r);
      }
    }
    if (respondents.isEmpty()) {
      throw new IllegalStateException("Aucun répondant en vague " + wave + " de la cohorte " + cohort + ".");
    }
    Map<String, String[]> categories = new LinkedHashMap<>();
    for (String m : MARGINS) {
      categories.put(m, respondents.stream().map(r -> String.valueOf(r.<Object>getAs(m))).toArray(String[]::new));
    }
    double[] initial = new double[respondents.size()];
    java.util.Arrays.fill(initial, (double) panel.size() / respondents.size());
    Raking.Result result = new Raking().rake(categories, targets, initial);

    List<Row> weights = new ArrayList<>();
    for (int i = 0; i < respondents.size(); i++) {
      weights.add(org.apache.spark.sql.RowFactory.create(respondents.get(i).<String>getAs("leaver_key"),
          result.weights()[i]));
    }
    Dataset<Row> weightFrame = spark.createDataFrame(weights,
        new org.apache.spark.sql.types.StructType().add("leaver_key", "string").add("new_weight", "double"));
    return new Weights(weightFrame, result.diagnostics(), panel.size(), respondents.size());
  }

  /** The weights into gold.outcomes, the diagnostics into gold.weighting. */
  public static void store(Lake lake, int cohort, int wave, Weights w) {
    SparkSession spark = lake.spark();
    Dataset<Row> outcomes = lake.read(Table.OUTCOMES).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)));
    Dataset<Row> weighted = outcomes.join(w.frame(), "leaver_key", "left")
        .withColumn("weight", col("new_weight")).drop("new_weight");
    lake.sync(Table.OUTCOMES, weighted, List.of("cohort", "wave", "leaver_key"),
        "t.cohort = " + cohort + " AND t.wave = " + wave);
    Raking.Diagnostics d = w.diagnostics();
    Map<String, Object> diag = new HashMap<>(Map.of("cohort", cohort, "wave", wave, "panel", w.panel(),
        "respondents", w.respondents(), "margins", String.join(", ", MARGINS), "iterations", d.iterations(),
        "converged", d.converged(), "largest_gap", d.largestGap(), "design_effect", d.designEffect(),
        "min_weight", d.minWeight()));
    diag.putAll(Map.of("max_weight", d.maxWeight(), "trimmed", d.trimmed(), "collapsed", String.join("; ", d.collapsed())));
    lake.sync(Table.WEIGHTING, spark.createDataFrame(List.of(Rows.of(Table.WEIGHTING.schema(), diag)),
        Table.WEIGHTING.schema()), List.of("cohort", "wave"), "t.cohort = " + cohort + " AND t.wave = " + wave);
  }
}

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
 * CFA's file says (the only version known for non-respondents too). The weights land in their own
 * table, gold.weights, the diagnostics in gold.weighting: gold.outcomes has one writer, close-wave,
 * so closing a wave again cannot wipe the weights, and whoever weights a figure joins them.
 */
public final class Weighting {
  static final List<String> MARGINS = List.of("uai_cfa", "level", "sex", "file_diploma");

  private static final List<String> KEYS = List.of("cohort", "wave", "leaver_key");

  private Weighting() {}

  /** The respondents' weights (rows of gold.weights) and how the raking went. */
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
      weights.add(Rows.of(Table.WEIGHTS.schema(), Map.of("cohort", cohort, "wave", wave,
          "leaver_key", respondents.get(i).<String>getAs("leaver_key"), "weight", result.weights()[i])));
    }
    return new Weights(spark.createDataFrame(weights, Table.WEIGHTS.schema()), result.diagnostics(), panel.size(),
        respondents.size());
  }

  /** The wave's weights replace its slice of gold.weights, the diagnostics its row of gold.weighting. */
  public static void store(Lake lake, int cohort, int wave, Weights w) {
    SparkSession spark = lake.spark();
    lake.replace(Table.WEIGHTS, w.frame(), "cohort = " + cohort + " AND wave = " + wave);
    Raking.Diagnostics d = w.diagnostics();
    Map<String, Object> diag = new HashMap<>(Map.of("cohort", cohort, "wave", wave, "panel", w.panel(),
        "respondents", w.respondents(), "margins", String.join(", ", MARGINS), "iterations", d.iterations(),
        "converged", d.converged(), "largest_gap", d.largestGap(), "design_effect", d.designEffect(),
        "min_weight", d.minWeight()));
    diag.putAll(Map.of("max_weight", d.maxWeight(), "trimmed", d.trimmed(), "collapsed", String.join("; ", d.collapsed())));
    lake.sync(Table.WEIGHTING, spark.createDataFrame(List.of(Rows.of(Table.WEIGHTING.schema(), diag)),
        Table.WEIGHTING.schema()), List.of("cohort", "wave"), "t.cohort = " + cohort + " AND t.wave = " + wave);
  }

  /**
   * Outcome rows with their respondent's {@code weight} from {@code weights} (gold.weights, read at the
   * version the caller chose), null for everyone the raking left out.
   */
  public static Dataset<Row> withWeights(Dataset<Row> outcomes, Dataset<Row> weights) {
    return outcomes.join(weights.select("cohort", "wave", "leaver_key", "weight"),
        scala.collection.JavaConverters.asScalaBuffer(KEYS).toSeq(), "left");
  }
}

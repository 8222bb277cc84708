package fr.oref.devenir.stats;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

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
    // a missing value is a category of its own, named as Java names null
    List<Column> margins = MARGINS.stream().map(m -> coalesce(col(m), lit("null")).as(m)).toList();
    List<Column> columns = new ArrayList<>(List.of(col("leaver_key"), col("respondent")));
    columns.addAll(margins);
    Dataset<Row> panel = outcomes.join(file, "leaver_key").select(columns.toArray(Column[]::new));
    // respondents sharing every margin's category get the same weight: the raking works on the cells of the
    // margins' cross-table, as many as the CFAs' diplomas and sexes, not the wave's hundreds of thousands of rows
    List<Row> cells = panel.groupBy(MARGINS.stream().map(functions::col).toArray(Column[]::new))
        .agg(count(lit(1)).as("members"), sum(when(col("respondent"), 1L).otherwise(0L)).as("respondents"))
        .orderBy(MARGINS.stream().map(functions::col).toArray(Column[]::new)).collectAsList();
    Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
    List<Row> answered = new ArrayList<>();
    long members = 0;
    long respondents = 0;
    for (Row c : cells) {
      for (String m : MARGINS) {
        targets.computeIfAbsent(m, k -> new HashMap<>()).merge(c.<String>getAs(m), (double) c.<Long>getAs("members"),
            Double::sum);
      }
      members += c.<Long>getAs("members");
      respondents += c.<Long>getAs("respondents");
      if (c.<Long>getAs("respondents") > 0) {
        answered.add(c);
      }
    }
    if (respondents == 0) {
      throw new IllegalStateException("Aucun répondant en vague " + wave + " de la cohorte " + cohort + ".");
    }
    Map<String, String[]> categories = new LinkedHashMap<>();
    for (String m : MARGINS) {
      categories.put(m, answered.stream().map(c -> c.<String>getAs(m)).toArray(String[]::new));
    }
    double[] sizes = answered.stream().mapToDouble(c -> c.<Long>getAs("respondents")).toArray();
    double[] initial = new double[answered.size()];
    java.util.Arrays.fill(initial, (double) members / respondents);
    Raking.Result result = new Raking().rake(categories, targets, initial, sizes);

    StructType cellWeights = new StructType();
    for (String m : MARGINS) {
      cellWeights = cellWeights.add(m, DataTypes.StringType);
    }
    StructType schema = cellWeights.add("weight", DataTypes.DoubleType);
    List<Row> weights = new ArrayList<>();
    for (int i = 0; i < answered.size(); i++) {
      Map<String, Object> values = new HashMap<>(Map.of("weight", result.weights()[i]));
      Row cell = answered.get(i);
      MARGINS.forEach(m -> values.put(m, cell.getAs(m)));
      weights.add(Rows.of(schema, values));
    }
    Dataset<Row> byCell = spark.createDataFrame(weights, schema);
    Dataset<Row> frame = panel.filter(col("respondent")).join(byCell, JavaConverters.asScalaBuffer(MARGINS).toSeq())
        .select(lit(cohort).as("cohort"), lit(wave).as("wave"), col("leaver_key"), col("weight"));
    return new Weights(frame, result.diagnostics(), members, respondents);
  }

  /** The wave's weights replace its slice of gold.weights, the diagnostics its row of gold.weighting. */
  public static void store(Lake lake, int cohort, int wave, Weights w) {
    SparkSession spark = lake.spark();
    lake.replace(Table.WEIGHTS, w.frame(), "cohort = " + cohort + " AND wave = " + wave);
    Row run = Rows.of(Table.WEIGHTING.schema(), WeightingRun.of(cohort, wave, w, MARGINS));
    lake.sync(Table.WEIGHTING, spark.createDataFrame(List.of(run),
        Table.WEIGHTING.schema()), List.of("cohort", "wave"), "t.cohort = " + cohort + " AND t.wave = " + wave);
  }

  /**
   * Outcome rows with their respondent's {@code weight} from {@code weights} (gold.weights, read at the
   * version the caller chose), null for everyone the raking left out.
   */
  public static Dataset<Row> withWeights(Dataset<Row> outcomes, Dataset<Row> weights) {
    return outcomes.join(weights.select("cohort", "wave", "leaver_key", "weight"),
        JavaConverters.asScalaBuffer(KEYS).toSeq(), "left");
  }
}

package fr.oref.devenir.publish;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.stats.Weighting;
import fr.oref.devenir.stats.WeightingRun;
import fr.oref.devenir.text.Csv;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The observatory's respondent-level extract of a wave (data-schemas/respondent-extract.csv): one row
 * per panel member, pseudonymous, with the raking weight and each leaver's category in every raking
 * margin as the raking used it, so that a survey package can rebuild the design the weighted figures
 * come from. Read at the versions the manifest records, as every published figure.
 */
public final class RespondentExtract {
  public static final String CONTRACT = "data-schemas/respondent-extract.csv";
  static final String MARGIN = "margin";

  private RespondentExtract() {}

  /** Where a wave's publication holds it: the observatory's restricted folder, never the public region/. */
  public static String file(int cohort, int wave) {
    return "observatoire/repondants_diffusion_restreinte_C" + cohort + "_V" + wave + ".csv";
  }

  /** Writes the extract of {@code cohort} × {@code wave} to {@code path}, rows ordered by key. */
  public static void write(Lake lake, HadoopFiles files, Map<String, Long> versions, int cohort, int wave, String path)
      throws Exception {
    List<Map<String, String>> layout = Csv.readResource(CONTRACT);
    WeightingRun weighting = lake.readVersion(Table.WEIGHTING, versions.get(Table.WEIGHTING.qualifiedName()))
        .filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave))).collectAsList().stream().findFirst()
        .map(WeightingRun::of).orElseThrow(() -> new IllegalStateException("Pas de calage pour la cohorte " + cohort
            + " vague " + wave + " : lancez d'abord « devenir indicators »."));
    checkMargins(layout, weighting.margins());
    Map<String, Map<String, String>> groups = rakingGroups(weighting.collapsed());
    Dataset<Row> file = lake.readVersion(Table.LEAVERS, versions.get(Table.LEAVERS.qualifiedName()))
        .filter(col("cohort").equalTo(cohort)).select(col("leaver_key"), col("diploma_obtained").as("file_diploma"));
    Dataset<Row> outcomes = lake.readVersion(Table.OUTCOMES, versions.get(Table.OUTCOMES.qualifiedName()))
        .filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)));
    // streamed in key order: the driver never holds the wave's panel
    Iterator<Row> rows = Weighting.withWeights(outcomes, lake.readVersion(Table.WEIGHTS,
        versions.get(Table.WEIGHTS.qualifiedName()))).join(file, "leaver_key", "left").orderBy("leaver_key").toLocalIterator();
    try (Writer out = new OutputStreamWriter(files.create(path), StandardCharsets.UTF_8)) {
      Csv.writeRecord(out, layout.stream().map(c -> c.get("column")).toList());
      while (rows.hasNext()) {
        Row r = rows.next();
        List<String> values = new ArrayList<>();
        for (Map<String, String> c : layout) {
          Object v = r.getAs(c.get("source"));
          values.add(MARGIN.equals(c.get("role")) ? group(groups, c.get("source"), String.valueOf(v))
              : v == null ? "" : v.toString());
        }
        Csv.writeRecord(out, values);
      }
    }
  }

  /** The extract's margin columns are the raking's margins, or the design rebuilt from it would be another. */
  static void checkMargins(List<Map<String, String>> layout, String margins) {
    TreeSet<String> declared = new TreeSet<>(layout.stream().filter(c -> MARGIN.equals(c.get("role")))
        .map(c -> c.get("source")).toList());
    TreeSet<String> raked = new TreeSet<>(Arrays.asList(margins.split(",\\s*")));
    if (!declared.equals(raked)) {
      throw new IllegalStateException("Le calage de la vague porte sur " + raked + " mais " + CONTRACT
          + " déclare les marges " + declared + " : mettez le contrat à jour.");
    }
  }

  /**
   * Each raking variable's categories merged before raking (gold.weighting.collapsed, « variable: a+b »
   * per merge, in merge order, joined by « ; »), as category → the group it ended in.
   */
  static Map<String, Map<String, String>> rakingGroups(String collapsed) {
    Map<String, Map<String, String>> groups = new HashMap<>();
    if (collapsed == null || collapsed.isBlank()) {
      return groups;
    }
    for (String merge : collapsed.split(";\\s*")) {
      int colon = merge.indexOf(": ");
      String merged = merge.substring(colon + 2);
      // a later merge holds every category of the earlier ones it absorbed: the last one wins
      for (String category : merged.split("\\+")) {
        groups.computeIfAbsent(merge.substring(0, colon), k -> new HashMap<>()).put(category, merged);
      }
    }
    return groups;
  }

  private static String group(Map<String, Map<String, String>> groups, String variable, String category) {
    return groups.getOrDefault(variable, Map.of()).getOrDefault(category, category);
  }
}

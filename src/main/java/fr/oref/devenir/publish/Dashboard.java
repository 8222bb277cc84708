package fr.oref.devenir.publish;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.reference.DiplomaTypes;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.stats.IndicatorResult;
import fr.oref.devenir.text.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The dashboard of the web site: one page where a reader picks a breakdown, a cohort and a wave and
 * reads the indicators beside the region's, and their trend across cohorts. It only knows the public
 * open data: the page embeds the records of the open-data file of every cohort published so far,
 * read back from that file, so a figure the open data hides cannot reach the page. The charting
 * library (Observable Plot and d3, vendored by tools/vendor-charts.sh) is copied beside the page:
 * nothing is fetched when it is read, and it opens from the folder with no server.
 */
public final class Dashboard {
  /** The breakdowns a reader picks from, in the order of the list. */
  static final List<String> DIMENSIONS = List.of("cfa", "diploma", "level", "department", "sex");
  /** What the page loads beside it, from the jar's publish/ resources to the site's assets/. */
  static final List<String> ASSETS = List.of("vendor/d3.min.js", "vendor/plot.umd.min.js", "vendor/d3.LICENSE",
      "vendor/plot.LICENSE", "dashboard.js");
  public static final String PAGE = "tableau-de-bord.html";
  private static final Template TEMPLATE = template();

  /** A breakdown the reader may choose, as the page reads it (records keep the JSON's field order). */
  record Choice(String name, String label) {}

  /** An indicator as the page reads it; {@code months} for the median, whose figures are not rates. */
  record Figure(String name, String label, String description, boolean months) {}

  private Dashboard() {}

  /**
   * Writes the open data of every cohort published up to this wave (earlier cohorts, both waves;
   * this cohort, waves up to this one) beside the wave's, then the page built from it in {@code site}.
   */
  public static void write(Lake lake, HadoopFiles files, long version, int cohort, int wave, String regionDir,
      String site) throws Exception {
    String openData = regionDir + "/indicateurs_toutes_cohortes_C" + cohort + "_V" + wave + "_opendata.csv";
    PublishJob.writeOpenData(files, openData, series(lake, version, cohort, wave));
    try (InputStream in = files.open(openData)) {
      writeSite(files, site, Csv.readAll(in, StandardCharsets.UTF_8), cohort, wave);
    }
  }

  /** The page built from the open-data {@code records} (header first), and what it loads beside it. */
  static void writeSite(HadoopFiles files, String site, List<List<String>> records, int cohort, int wave)
      throws IOException {
    files.writeString(site + "/" + PAGE, page(records, cohort, wave));
    for (String asset : ASSETS) {
      try (InputStream in = resource(asset); OutputStream out = files.create(site + "/assets/"
          + asset.substring(asset.lastIndexOf('/') + 1))) {
        in.transferTo(out);
      }
    }
  }

  /** gold.indicators of the cohorts and waves published by now, at the manifest's version. */
  static List<IndicatorResult> series(Lake lake, long version, int cohort, int wave) {
    return IndicatorResult.collect(lake.readVersion(Table.INDICATORS, version)
        .filter(col("cohort").lt(cohort).or(col("cohort").equalTo(cohort).and(col("wave").leq(wave))))
        .orderBy("cohort", "wave", "dimension", "dimension_value", "indicator", "weighting"));
  }

  /** The page, with the open-data records of the region and of the dashboard's breakdowns as its data. */
  static String page(List<List<String>> records, int cohort, int wave) {
    List<String> header = records.get(0);
    int dimension = header.indexOf("dimension");
    int value = header.indexOf("dimension_value");
    List<List<String>> rows = new ArrayList<>();
    DiplomaTypes diplomas = DiplomaTypes.load();
    Map<String, String> diplomaLabels = new TreeMap<>();
    for (List<String> r : records.subList(1, records.size())) {
      if (IndicatorCatalog.REGION.equals(r.get(dimension)) || DIMENSIONS.contains(r.get(dimension))) {
        rows.add(r);
      }
      if ("diploma".equals(r.get(dimension))) {
        String type = diplomas.typeLabel(r.get(value));
        diplomaLabels.put(r.get(value), type == null ? r.get(value) : r.get(value) + " (" + type + ")");
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("cohort", cohort);
    data.put("wave", wave);
    data.put("dimensions", IndicatorCatalog.dimensions().stream().filter(d -> DIMENSIONS.contains(d.name()))
        .sorted((a, b) -> DIMENSIONS.indexOf(a.name()) - DIMENSIONS.indexOf(b.name()))
        .map(d -> new Choice(d.name(), d.description())).toList());
    data.put("indicators", IndicatorCatalog.published().stream().map(i -> new Figure(i.name(), i.label(),
        i.description(), i.isMedian())).toList());
    data.put("labels", Map.of("diploma", diplomaLabels));
    data.put("columns", header);
    data.put("rows", rows);
    data.put("confidence", Parameters.get().fill("{confidence%}"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "Tableau de bord — devenir des apprentis");
    model.put("subtitle", "Sortants d'apprentissage jusqu'à la cohorte " + cohort + ", vague " + wave
        + " : données ouvertes publiées (secret statistique appliqué)");
    model.put("legend", Formats.LEGEND);
    model.put("confidence", data.get("confidence"));
    model.put("data", json(data));
    return TEMPLATE.execute(model);
  }

  /** JSON safe inside a script element: no « < » (only ever inside a string) can close it early. */
  static String json(Object data) {
    try {
      return new ObjectMapper().writeValueAsString(data).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    return Objects.requireNonNull(Dashboard.class.getResourceAsStream("/publish/" + name), name);
  }

  private static Template template() {
    try (Reader in = new InputStreamReader(resource("dashboard.mustache"), StandardCharsets.UTF_8)) {
      return Mustache.compiler().escapeHTML(true).compile(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

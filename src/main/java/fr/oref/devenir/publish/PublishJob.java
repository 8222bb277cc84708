package fr.oref.devenir.publish;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.lake.AtomicFolder;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.privacy.NominativeOutputs;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.stats.IndicatorResult;
import fr.oref.devenir.stats.LinearAudit;
import fr.oref.devenir.stats.PublishedCounts;
import fr.oref.devenir.stats.WeightingRun;
import fr.oref.devenir.text.Csv;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * publish: the regional key figures (public secrecy) as an Excel workbook and an open-data CSV, one
 * restricted bundle per CFA (its own figures beside the region's, its respondents' answers), and a
 * manifest of the Delta table versions behind every figure, so they can be rebuilt by time travel.
 * The wave's whole publication is written aside and renamed into place: never seen half written.
 */
public final class PublishJob {
  /** Tables whose versions the manifest records. */
  static final List<Table> LINEAGE = List.of(Table.INDICATORS, Table.OUTCOMES, Table.WEIGHTS, Table.WEIGHTING, Table.PANEL,
      Table.RESPONSES, Table.LEAVERS, Table.CONTACTS);
  static final List<String> BLANKED_WHEN_SUPPRESSED = List.of("numerator", "value", "ci_low", "ci_high",
      "effective_n");

  private static final ObjectWriter MANIFEST = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .writerWithDefaultPrettyPrinter();

  private PublishJob() {}

  /** {@code folder}: the wave's publication; {@code region}: the regional rows published, raw and weighted. */
  public record Result(int bundles, Map<String, Long> versions, String folder, String regionDir, String siteIndex,
      String dashboard, List<IndicatorResult> region, LinearAudit.Report audit) {}

  /** The phase that writes one restricted bundle per CFA, named for the command's progress and the Spark UI. */
  public static final String BUNDLES = "dossiers restreints des CFA";

  /** Told as each CFA's bundle is written: the bundles are written by the driver, where Spark's tasks show nothing. */
  @FunctionalInterface
  public interface Steps {
    void done(long done, long total);
  }

  /**
   * @param withContacts whether the CFAs' results carry their respondents' e-mails and phones (by
   *     default they do not: a CFA needs names to read its results, not the means to call again)
   * @param bundles told after each CFA bundle written (bundles done, CFAs)
   */
  public static Result run(SparkSession spark, String lakeRoot, int cohort, int wave, String outDir, int restrictedThreshold,
      boolean withContacts, Steps bundles) throws Exception {
    Lake lake = new Lake(spark, lakeRoot);
    // phases named for the command's progress and the Spark UI
    spark.sparkContext().setJobDescription("chiffres clés régionaux");
    Map<String, Long> versions = new LinkedHashMap<>();
    LINEAGE.forEach(t -> versions.put(t.qualifiedName(), lake.version(t)));
    List<IndicatorResult> indicators = indicators(lake, versions.get(Table.INDICATORS.qualifiedName()), cohort, wave);
    // a lake whose indicators predate gold.weights has no weights to publish the extract with either
    if (indicators.isEmpty() || versions.get(Table.WEIGHTS.qualifiedName()) < 0) {
      throw new IllegalStateException("Pas d'indicateurs pour la cohorte " + cohort + " vague " + wave
          + " : lancez d'abord « devenir indicators ».");
    }
    LinearAudit.Report audit = PublishedCounts.audit(lake, cohort, wave, indicators, Parameters.get().secrecyThreshold());
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    String suffix = "_C" + cohort + "_V" + wave;
    AtomicFolder publication = AtomicFolder.begin(files, folder(outDir, cohort, wave));
    String staging = publication.staging();
    String regionDir = staging + "/region";
    List<String> weighting = weightingNotes(lake, versions.get(Table.WEIGHTING.qualifiedName()), cohort, wave);
    try (OutputStream out = files.create(regionDir + "/chiffres_cles" + suffix + ".xlsx")) {
      KeyFiguresWorkbook.write(out, "Devenir des apprentis — cohorte " + cohort + ", vague " + wave
          + " (" + (wave == 1 ? "7" : "12") + " mois après la sortie) — population : " + MethodNotes.population(wave),
          indicators, MethodNotes.of(wave, weighting));
    }
    writeOpenData(files, regionDir + "/indicateurs" + suffix + "_opendata.csv", indicators);
    writeDefinitions(files, regionDir + "/indicateurs" + suffix + "_definitions.csv");

    Pages pages = new Pages(indicators, cohort, wave, weighting);
    write(files, regionDir + "/chiffres_cles" + suffix + ".pdf", pages.region(false));
    List<String> cfas = values(indicators, "cfa");
    String site = regionDir + "/site" + suffix;
    files.writeString(site + "/index.html", Pages.render(pages.region(true)));
    for (String uai : cfas) {
      files.writeString(site + "/cfa/" + uai + ".html", Pages.render(pages.entity("CFA " + uai, "cfa", uai,
          "../index.html", null, Formats.LEGEND)));
    }
    for (String cfd : values(indicators, "diploma")) {
      files.writeString(site + "/diplome/" + cfd + ".html", Pages.render(pages.entity("Diplôme "
          + pages.diplomaLabel(cfd), "diploma", cfd, "../index.html", null, Formats.LEGEND)));
    }
    Dashboard.write(lake, files, versions.get(Table.INDICATORS.qualifiedName()), cohort, wave, regionDir, site);

    List<IndicatorResult> region = indicators.stream().filter(r -> IndicatorCatalog.REGION.equals(r.dimension())).toList();
    String resultSheet = RESULTS.sheets().get(0);
    List<WrittenFile.Column> resultColumns = RESULTS.columns(resultSheet).stream()
        .filter(c -> withContacts || !"oui".equals(c.get("contact"))).toList();
    List<String> resultFields = resultColumns.stream().map(WrittenFile.Column::field).toList();
    spark.sparkContext().setJobDescription(BUNDLES);
    Rows.Groups results = results(lake, versions, cohort, wave);
    List<String> resultFiles = new ArrayList<>();
    for (String uai : cfas) {
      String dir = staging + "/cfa/" + uai;
      List<IndicatorResult> own = CfaBundle.ownRows(indicators, uai, restrictedThreshold);
      try (OutputStream out = files.create(dir + "/indicateurs_" + uai + suffix + ".xlsx")) {
        CfaBundle.writeIndicators(out, uai, own, region, restrictedThreshold);
      }
      resultFiles.add(dir + "/resultats_" + uai + suffix + ".xlsx");
      try (OutputStream out = files.create(resultFiles.get(resultFiles.size() - 1))) {
        CfaBundle.writeResults(out, resultSheet, resultColumns.stream().map(WrittenFile.Column::header).toList(),
            cells(results.of(uai), resultFields));
      }
      List<IndicatorResult> bundle = new ArrayList<>(own);
      bundle.addAll(region);
      write(files, dir + "/rapport_" + uai + suffix + ".pdf", new Pages(bundle, cohort, wave, weighting).entity("CFA " + uai, "cfa",
          uai, null, "Diffusion restreinte : réservé au CFA " + uai + ".",
          Formats.restrictedLegend(restrictedThreshold)));
      bundles.done(resultFiles.size(), cfas.size());
    }
    RespondentExtract.write(lake, files, versions, cohort, wave, staging + "/" + RespondentExtract.file(cohort, wave));
    writeManifest(files, staging + "/manifest" + suffix + ".json", cohort, wave, versions);
    publication.commit();
    String published = publication.target();
    // registered once in place: a kill between the rename and this line leaves files that the rerun
    // of publish (same folder, replaced whole) registers
    NominativeOutputs.record(lake, files, cohort, NominativeOutputs.CFA_RESULTS,
        resultFiles.stream().map(f -> published + f.substring(staging.length())).toList());
    NominativeOutputs.record(lake, files, cohort, NominativeOutputs.RESPONDENT_EXTRACT,
        List.of(published + "/" + RespondentExtract.file(cohort, wave)));
    String publishedSite = published + "/region/site" + suffix;
    return new Result(cfas.size(), versions, published, published + "/region", publishedSite + "/index.html",
        publishedSite + "/" + Dashboard.PAGE, region, audit);
  }

  /** A wave's publication is one folder, replaced whole: {@code <out>/C<N>_V<W>}. */
  public static String folder(String outDir, int cohort, int wave) {
    return outDir + "/C" + cohort + "_V" + wave;
  }

  private static List<String> values(List<IndicatorResult> indicators, String dimension) {
    return indicators.stream().filter(r -> dimension.equals(r.dimension())).map(IndicatorResult::dimensionValue)
        .distinct().sorted().toList();
  }

  private static void write(HadoopFiles files, String path, Pages.Page page) throws Exception {
    try (OutputStream out = files.create(path)) {
      PdfDocuments.write(Pages.render(page), out);
    }
  }

  /** gold.indicators of the wave, read at the version the manifest records. */
  public static List<IndicatorResult> indicators(Lake lake, long version, int cohort, int wave) {
    return IndicatorResult.collect(lake.readVersion(Table.INDICATORS, version)
        .filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
        .orderBy("dimension", "dimension_value", "indicator", "weighting"));
  }

  /** A CFA's respondents' answers: data-schemas/cfa-results.csv. */
  static final WrittenFile RESULTS = WrittenFile.of("cfa-results");
  /** The open data, the wave's and every cohort's: data-schemas/open-data.csv; beside it, indicator-definitions.csv. */
  static final WrittenFile OPEN_DATA = WrittenFile.of("open-data");
  static final WrittenFile DEFINITIONS = WrittenFile.of("indicator-definitions");

  /**
   * Each CFA's respondents with the identifying columns it sent us, sorted by CFA then name, handed out
   * one CFA at a time: the driver never holds the region's respondents.
   */
  private static Rows.Groups results(Lake lake, Map<String, Long> versions, int cohort, int wave) {
    var outcomes = lake.readVersion(Table.OUTCOMES, versions.get(Table.OUTCOMES.qualifiedName()))
        .filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)).and(col("respondent")));
    var contacts = lake.readVersion(Table.CONTACTS, versions.get(Table.CONTACTS.qualifiedName()))
        .filter(col("cohort").equalTo(cohort)).drop("cohort", "uai_cfa");
    return new Rows.Groups(outcomes.join(contacts, "leaver_key").orderBy("uai_cfa", "last_name", "leaver_key")
        .toLocalIterator(), "uai_cfa");
  }

  private static List<List<String>> cells(List<Row> rows, List<String> fields) {
    return rows.stream().map(r -> fields.stream().map(f -> {
      Object v = r.getAs(f);
      return v == null ? "" : v instanceof Boolean b ? (b ? "oui" : "non") : v.toString();
    }).toList()).toList();
  }

  /** What the wave's raking did that readers must be told (nothing when it went as the methods say). */
  private static List<String> weightingNotes(Lake lake, long version, int cohort, int wave) {
    if (version < 0) {
      return List.of();
    }
    return lake.readVersion(Table.WEIGHTING, version).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
        .collectAsList().stream().findFirst().map(WeightingRun::of).map(MethodNotes::weighting).orElse(List.of());
  }

  /** Beside the open data: what each indicator counts and over which base (data-schemas/indicators.csv). */
  static void writeDefinitions(HadoopFiles files, String path) throws Exception {
    try (Writer out = new OutputStreamWriter(files.create(path), StandardCharsets.UTF_8)) {
      Csv.writeRecord(out, DEFINITIONS.headers());
      for (IndicatorCatalog.Indicator i : IndicatorCatalog.published()) {
        Map<String, String> definition = new HashMap<>(Map.of("name", i.name(), "label", i.label(), "description",
            i.description(), "base", i.base(), "interval", i.interval() ? "oui" : "non"));
        definition.put("compares_with", i.comparesWith() == null ? "" : i.comparesWith());
        Csv.writeRecord(out, DEFINITIONS.fields().stream().map(definition::get).toList());
      }
    }
  }

  /** The public table: a suppressed figure keeps its reason and loses its numbers. */
  static void writeOpenData(HadoopFiles files, String path, List<IndicatorResult> indicators) throws Exception {
    try (Writer out = new OutputStreamWriter(files.create(path), StandardCharsets.UTF_8)) {
      Csv.writeRecord(out, OPEN_DATA.headers());
      for (IndicatorResult r : indicators) {
        List<String> values = new ArrayList<>();
        for (String h : OPEN_DATA.fields()) {
          Object v = r.column(h);
          boolean blank = r.hidden() && (BLANKED_WHEN_SUPPRESSED.contains(h)
              || "denominator".equals(h) && !Formats.denominatorShown(r));
          values.add(v == null || blank ? "" : v.toString());
        }
        Csv.writeRecord(out, values);
      }
    }
  }

  private static void writeManifest(HadoopFiles files, String path, int cohort, int wave, Map<String, Long> versions)
      throws Exception {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("cohort", cohort);
    manifest.put("wave", wave);
    manifest.put("generated_at", Instant.now().toString());
    manifest.put("table_versions", versions);
    try (OutputStream out = files.create(path)) {
      MANIFEST.writeValue(out, manifest);
    }
  }
}

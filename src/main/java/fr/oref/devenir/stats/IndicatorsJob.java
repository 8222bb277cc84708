package fr.oref.devenir.stats;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.text.Csv;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.lang3.time.StopWatch;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * indicators: weights the wave's respondents, computes every indicator × dimension value, raw and
 * weighted, with intervals, then applies public secrecy, into gold.indicators (and a CSV); and the
 * changes since the previous cohort into gold.indicator_trends.
 */
public final class IndicatorsJob {
  static final String RAW = "raw";
  static final String WEIGHTED = "weighted";

  private IndicatorsJob() {}

  /** {@code seconds}: wall time of each phase, in order, for the benchmark's "where the time goes". */
  public record Result(long rows, Raking.Diagnostics weighting, List<IndicatorResult> region, int trends,
      Map<String, Double> seconds, LinearAudit.Report audit) {}

  public static Result run(SparkSession spark, String lakeRoot, int cohort, int wave, int threshold, String csvOut)
      throws Exception {
    Lake lake = new Lake(spark, lakeRoot);
    Map<String, Double> seconds = new LinkedHashMap<>();
    StopWatch watch = StopWatch.createStarted();
    Dataset<Row> waveOutcomes = lake.read(Table.OUTCOMES).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)));
    if (waveOutcomes.isEmpty()) {
      throw new IllegalStateException("La vague " + wave + " de la cohorte " + cohort
          + " n'est pas clôturée : lancez d'abord « devenir close-wave ».");
    }
    lap(seconds, "first read", watch);
    Weighting.Weights weights = Weighting.rake(lake, cohort, wave);
    lap(seconds, "raking", watch);
    Weighting.store(lake, cohort, wave, weights);
    Raking.Diagnostics weighting = weights.diagnostics();
    lap(seconds, "weights into gold.weights", watch);
    Dataset<Row> outcomes = Weighting.withWeights(waveOutcomes, lake.read(Table.WEIGHTS));
    List<Row> cells = IndicatorCells.aggregate(Repeaters.withRepeaters(lake, outcomes, cohort, wave),
        IndicatorCatalog.counts(), IndicatorCatalog.dimensions()).collectAsList();
    lap(seconds, "aggregation", watch);
    CountSecrecy.Outcome secrecy = secrecyInputs(lake, cohort, wave, cells).decide(threshold);
    lap(seconds, "secrecy and audit", watch);

    List<Map<String, Object>> rows = new ArrayList<>();
    for (IndicatorCatalog.Indicator indicator : IndicatorCatalog.indicators()) {
      rows.addAll(rates(cohort, wave, indicator, cells, secrecy.hidden()));
    }
    rows.addAll(medians(cohort, wave, cells, secrecy.hidden()));
    List<Row> table = rows.stream().map(r -> Rows.of(Table.INDICATORS.schema(), r)).toList();
    lap(seconds, "intervals", watch);
    lake.sync(Table.INDICATORS, spark.createDataFrame(table, Table.INDICATORS.schema()),
        List.of("cohort", "wave", "weighting", "dimension", "dimension_value", "indicator"),
        "t.cohort = " + cohort + " AND t.wave = " + wave);
    if (csvOut != null) {
      writeCsv(new HadoopFiles(spark.sparkContext().hadoopConfiguration()), csvOut, table);
    }
    lap(seconds, "write", watch);
    List<IndicatorResult> region = table.stream().map(IndicatorResult::of)
        .filter(r -> IndicatorCatalog.REGION.equals(r.dimension())).toList();
    int trends = Trends.run(lake, cohort, wave);
    lap(seconds, "trends", watch);
    return new Result(table.size(), weighting, region, trends, seconds, secrecy.audit());
  }

  /** The phase's wall time, and the watch set going again for the next phase. */
  private static void lap(Map<String, Double> seconds, String phase, StopWatch watch) {
    seconds.put(phase, watch.getTime() / 1e3);
    watch.reset();
    watch.start();
  }

  /**
   * What a wave's secrecy is decided on: its counts by key, its cells, the other wave as published, and
   * the relations of both waves (hierarchies read from each wave's outcomes) and between them.
   */
  record SecrecyInputs(int wave, Map<String, Double> values, Set<String> cells, PublicSecrecy.Counts other,
      List<LinearAudit.Relation> relations) {
    CountSecrecy.Outcome decide(int threshold) {
      return PublicSecrecy.decide(wave, values, cells, other, relations, threshold);
    }
  }

  static SecrecyInputs secrecyInputs(Lake lake, int cohort, int wave, List<Row> cells) {
    Map<String, Double> values = new HashMap<>();
    Map<Integer, Set<String>> cellsByWave = new HashMap<>(Map.of(wave, new HashSet<>()));
    for (Row cell : cells) {
      cellsByWave.get(wave).add(cellKey(cell));
      for (IndicatorCatalog.Count c : IndicatorCatalog.counts()) {
        values.put(CountRelations.key(wave, cellKey(cell), c.name()),
            (double) cell.<Long>getAs(IndicatorCells.column(c.name(), "n")));
      }
    }
    List<IndicatorResult> otherRows = PublishedCounts.rawRows(lake, cohort, 3 - wave);
    if (!otherRows.isEmpty()) {
      cellsByWave.put(3 - wave, PublishedCounts.cells(otherRows));
    }
    return new SecrecyInputs(wave, values, cellsByWave.get(wave), PublishedCounts.read(otherRows, 3 - wave),
        PublishedCounts.relations(lake, cohort, cellsByWave));
  }

  private static String cellKey(Row cell) {
    return Hierarchies.key(cell.getAs("dimension"), cell.getAs("dimension_value"));
  }

  private static List<Map<String, Object>> rates(int cohort, int wave, IndicatorCatalog.Indicator indicator,
      List<Row> cells, Map<String, String> hidden) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row cell : cells) {
      Proportion raw = Proportion.raw(cell.getAs(IndicatorCells.column(indicator.numerator(), "n")),
          cell.getAs(IndicatorCells.column(indicator.denominator(), "n")));
      if (!indicator.interval()) {
        raw = raw.withoutInterval();
      }
      Proportion weighted = indicator.weightedByResponse()
          ? Proportion.weighted(cell.getAs(IndicatorCells.column(indicator.numerator(), "w")),
              cell.getAs(IndicatorCells.column(indicator.denominator(), "w")),
              cell.getAs(IndicatorCells.column(indicator.denominator(), "wsq")))
          : raw;
      String reason = PublicSecrecy.rowReason(hidden, wave, cellKey(cell), indicator);
      out.add(row(cohort, wave, RAW, cell, indicator.name(), raw, reason));
      out.add(row(cohort, wave, WEIGHTED, cell, indicator.name(), weighted, reason));
    }
    return out;
  }

  private static Map<String, Object> row(int cohort, int wave, String weighting, Row cell, String indicator,
      Proportion p, String reason) {
    Map<String, Object> r = new HashMap<>();
    r.put("cohort", cohort);
    r.put("wave", wave);
    r.put("weighting", weighting);
    r.put("dimension", cell.getAs("dimension"));
    r.put("dimension_value", cell.getAs("dimension_value"));
    r.put("indicator", indicator);
    r.put("numerator", p.numerator());
    r.put("denominator", p.denominator());
    r.put("value", p.value());
    r.put("ci_low", p.ciLow());
    r.put("ci_high", p.ciHigh());
    r.put("effective_n", p.effectiveN());
    r.put("suppressed", reason != null);
    r.put("suppression_reason", reason);
    return r;
  }

  /**
   * Median months to first job among actives (Kaplan–Meier, censored at the reference date):
   * numerator = first jobs observed, denominator = actives with a known duration.
   */
  private static List<Map<String, Object>> medians(int cohort, int wave, List<Row> cells, Map<String, String> hidden) {
    Map<String, List<Row>> durations = new LinkedHashMap<>();
    Map<String, Row> byKey = new HashMap<>();
    for (Row cell : cells) {
      String key = cellKey(cell);
      durations.put(key, cell.getList(cell.fieldIndex("durations")));
      byKey.put(key, cell);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    durations.forEach((key, d) -> {
      for (String weighting : List.of(RAW, WEIGHTED)) {
        List<KaplanMeier.Observation> obs = d.stream().map(x -> new KaplanMeier.Observation(x.getInt(0), !x.getBoolean(1),
            weighting.equals(RAW) ? 1.0 : x.getDouble(2))).toList();
        KaplanMeier km = weighting.equals(RAW) ? new KaplanMeier(obs) : KaplanMeier.weighted(obs);
        double sum = obs.stream().mapToDouble(KaplanMeier.Observation::weight).sum();
        double squares = obs.stream().mapToDouble(o -> o.weight() * o.weight()).sum();
        double events = obs.stream().filter(KaplanMeier.Observation::event).mapToDouble(KaplanMeier.Observation::weight).sum();
        Map<String, Object> r = row(cohort, wave, weighting, byKey.get(key), IndicatorCatalog.MEDIAN,
            new Proportion(events, sum, km.median().map(Integer::doubleValue).orElse(null),
                km.medianLower().map(Integer::doubleValue).orElse(null),
                km.medianUpper().map(Integer::doubleValue).orElse(null), squares == 0 ? 0 : sum * sum / squares),
            PublicSecrecy.rowReason(hidden, wave, key, IndicatorCatalog.get(IndicatorCatalog.MEDIAN)));
        out.add(r);
      }
    });
    return out;
  }

  static void writeCsv(HadoopFiles files, String path, List<Row> table) throws Exception {
    List<String> header = Arrays.asList(Table.INDICATORS.schema().fieldNames());
    try (Writer out = new OutputStreamWriter(files.create(path), StandardCharsets.UTF_8)) {
      Csv.writeRecord(out, header);
      for (Row r : table) {
        List<String> values = new ArrayList<>();
        for (String h : header) {
          Object v = r.getAs(h);
          values.add(v == null ? "" : v.toString());
        }
        Csv.writeRecord(out, values);
      }
    }
  }
}

package fr.oref.devenir.stats;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The counts as a reader sees them in gold.indicators once published, and the relations between
 * them: what the indicators job protects a wave against (the other wave as published) and what
 * publish audits again before writing anything.
 */
public final class PublishedCounts {
  private PublishedCounts() {}

  /** A wave's counts read back from its raw rows of gold.indicators: hidden = shown in no row. */
  public static PublicSecrecy.Counts read(List<IndicatorResult> rawRows, int wave) {
    Map<String, IndicatorCatalog.Indicator> byIndicator = IndicatorCatalog.published().stream()
        .collect(Collectors.toMap(IndicatorCatalog.Indicator::name, p -> p));
    Map<String, Double> values = new HashMap<>();
    Map<String, String> reasons = new HashMap<>();
    Set<String> shown = new HashSet<>();
    for (IndicatorResult r : rawRows) {
      IndicatorCatalog.Indicator p = byIndicator.get(r.indicator());
      String cell = Hierarchies.key(r.dimension(), r.dimensionValue());
      String numerator = CountRelations.key(wave, cell, p.numerator());
      String denominator = CountRelations.key(wave, cell, p.denominator());
      values.put(numerator, r.numerator());
      values.put(denominator, r.denominator());
      String reason = r.suppressionReason();
      if (reason == null) {
        shown.add(numerator);
      } else {
        // the numerator of a row hidden for a primary reason is primary too (PublicSecrecy.decide)
        reasons.merge(numerator, reason.replace(PublicSecrecy.NUMERATOR_PREFIX, ""), PublishedCounts::primaryFirst);
      }
      if (PublicSecrecy.showsDenominator(reason)) {
        shown.add(denominator);
      } else {
        reasons.merge(denominator, reason, PublishedCounts::primaryFirst);
      }
    }
    Map<String, String> hidden = new HashMap<>();
    values.keySet().stream().filter(k -> !shown.contains(k))
        .forEach(k -> hidden.put(k, reasons.getOrDefault(k, CountSecrecy.SECONDARY)));
    return new PublicSecrecy.Counts(values, hidden);
  }

  private static String primaryFirst(String a, String b) {
    return CountSecrecy.SECONDARY.equals(a) ? b : a;
  }

  /** The raw rows of a wave in gold.indicators as they stand (none when not computed yet). */
  static List<IndicatorResult> rawRows(Lake lake, int cohort, int wave) {
    return IndicatorResult.collect(lake.read(Table.INDICATORS).filter(col("cohort").equalTo(cohort)
        .and(col("wave").equalTo(wave)).and(col("weighting").equalTo(IndicatorsJob.RAW))));
  }

  static Set<String> cells(List<IndicatorResult> rows) {
    return rows.stream().map(r -> Hierarchies.key(r.dimension(), r.dimensionValue()))
        .collect(Collectors.toSet());
  }

  /** The relations over each wave's cells, the nestings read from that wave's outcomes (and repeaters). */
  static List<LinearAudit.Relation> relations(Lake lake, int cohort, Map<Integer, Set<String>> cells) {
    Map<Integer, List<Map<String, List<String>>>> hierarchies = new HashMap<>();
    for (int w : cells.keySet()) {
      Dataset<Row> outcomes = lake.read(Table.OUTCOMES).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(w)));
      hierarchies.put(w, Hierarchies.of(Repeaters.withRepeaters(lake, outcomes, cohort, w),
          IndicatorCatalog.dimensions()));
    }
    return CountRelations.of(cells, hierarchies);
  }

  /**
   * publish's audit of what it is about to write: the wave's rows and the other wave's as they stand.
   *
   * @throws IllegalStateException (French, naming cells) when a hidden count is not protected
   */
  public static LinearAudit.Report audit(Lake lake, int cohort, int wave, List<IndicatorResult> rows, int threshold) {
    List<IndicatorResult> raw = rows.stream().filter(IndicatorResult::raw).toList();
    List<IndicatorResult> otherRaw = rawRows(lake, cohort, 3 - wave);
    PublicSecrecy.Counts own = read(raw, wave);
    PublicSecrecy.Counts other = read(otherRaw, 3 - wave);
    Map<String, Double> values = new HashMap<>(own.values());
    values.putAll(other.values());
    Set<String> hidden = new HashSet<>(own.hidden().keySet());
    hidden.addAll(other.hidden().keySet());
    Map<Integer, Set<String>> cells = new HashMap<>(Map.of(wave, cells(raw)));
    if (!otherRaw.isEmpty()) {
      cells.put(3 - wave, cells(otherRaw));
    }
    Map<String, String> reasons = new HashMap<>(own.hidden());
    reasons.putAll(other.hidden());
    LinearAudit.Report report = LinearAudit.run(values, hidden, relations(lake, cohort, cells),
        CountSecrecy.required(reasons, CountSecrecy.protectionWidth(threshold)));
    PublicSecrecy.failIfShort(report);
    return report;
  }
}

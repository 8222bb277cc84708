package fr.oref.devenir.stats;

import fr.oref.devenir.lake.Rows;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * A row of gold.weighting: how a wave's raking went, as {@code indicators} writes it and publish reads
 * it. Its components are the table's columns (data-schemas/tables/gold.weighting.ddl) in camelCase and
 * in order, which a test holds to the contract.
 */
public record WeightingRun(Integer cohort, Integer wave, Long panel, Long respondents, String margins,
    Integer iterations, Boolean converged, Double largestGap, Double designEffect, Double minWeight,
    Double maxWeight, Integer trimmed, String collapsed) {

  static WeightingRun of(int cohort, int wave, Weighting.Weights w, List<String> margins) {
    Raking.Diagnostics d = w.diagnostics();
    return new WeightingRun(cohort, wave, w.panel(), w.respondents(), String.join(", ", margins), d.iterations(),
        d.converged(), d.largestGap(), d.designEffect(), d.minWeight(), d.maxWeight(), d.trimmed(),
        String.join("; ", d.collapsed()));
  }

  public static WeightingRun of(Row row) {
    return Rows.as(row, WeightingRun.class);
  }

  /** The categories merged before raking, « variable: a+b » each, in merge order. */
  public List<String> merges() {
    return collapsed == null || collapsed.isBlank() ? List.of() : Arrays.asList(collapsed.split("; "));
  }
}

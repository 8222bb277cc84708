package fr.oref.devenir.stats;

import fr.oref.devenir.text.Csv;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * What is computed: the counts of data-schemas/counts.csv (conditions on gold.outcomes), the
 * indicators of data-schemas/indicators.csv (a numerator count over a denominator count), the
 * dimensions of data-schemas/dimensions.csv and the relations between a cell's counts that any
 * reader can write (data-schemas/count-relations.csv).
 */
public final class IndicatorCatalog {
  public static final String REGION = "region";
  public static final String ALL = "ALL";
  public static final String MEDIAN = "median_months_to_first_job";
  /** The Kaplan–Meier median's numerator (first jobs observed) and denominator (actives with a duration). */
  public static final String MEDIAN_EVENTS = "km_events";
  public static final String MEDIAN_BASE = "km_actives";

  private IndicatorCatalog() {}

  /**
   * A rate: {@code population} "panel" rates are not weighted (the panel is a census); {@code label}
   * is the short French heading of published tables.
   */
  public record Indicator(String name, String numerator, String denominator, String population, String description,
      String label) implements Serializable {
    public boolean weightedByResponse() {
      return "respondents".equals(population);
    }
  }

  /** A count of outcome rows in a cell: {@code expression} is a Spark SQL condition on gold.outcomes. */
  public record Count(String name, String expression, String label) implements Serializable {}

  /**
   * A linear relation between counts of one cell, {@code left operator right} with operator = or &lt;=,
   * each side a sum of counts ({@code a + b - c}); a count written {@code name@w} is the count of wave w
   * (a relation between waves), else the relation holds within each wave.
   */
  public record CountRelation(String name, String left, String operator, String right) implements Serializable {}

  /** A breakdown: its outcome columns (none for the region) and the dimensions it refines. */
  public record Dimension(String name, List<String> columns, List<String> parents, String description)
      implements Serializable {}

  public static List<Indicator> indicators() {
    return Csv.readResource("data-schemas/indicators.csv").stream()
        .map(r -> new Indicator(r.get("indicator"), r.get("numerator"), r.get("denominator"), r.get("population"),
            r.get("description"), r.get("label")))
        .toList();
  }

  public static List<Count> counts() {
    return Csv.readResource("data-schemas/counts.csv").stream()
        .map(r -> new Count(r.get("count"), r.get("expression"), r.get("label"))).toList();
  }

  public static List<CountRelation> countRelations() {
    return Csv.readResource("data-schemas/count-relations.csv").stream()
        .map(r -> new CountRelation(r.get("relation"), r.get("left"), r.get("operator"), r.get("right"))).toList();
  }

  public static List<Dimension> dimensions() {
    return Csv.readResource("data-schemas/dimensions.csv").stream()
        .map(r -> new Dimension(r.get("dimension"), split(r.get("columns"), ","), split(r.get("parents"), "\\|"),
            r.get("description")))
        .toList();
  }

  private static List<String> split(String s, String separator) {
    return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(separator)).map(String::trim).toList();
  }
}

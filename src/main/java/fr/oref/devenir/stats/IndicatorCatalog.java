package fr.oref.devenir.stats;

import fr.oref.devenir.text.Csv;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * What is computed: the indicators of data-schemas/indicators.csv (numerator and denominator as
 * conditions on gold.outcomes) and the dimensions of data-schemas/dimensions.csv.
 */
public final class IndicatorCatalog {
  public static final String REGION = "region";
  public static final String ALL = "ALL";
  public static final String MEDIAN = "median_months_to_first_job";

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

  /** A breakdown: its outcome columns (none for the region) and the dimensions it refines. */
  public record Dimension(String name, List<String> columns, List<String> parents, String description)
      implements Serializable {}

  public static List<Indicator> indicators() {
    return Csv.readResource("data-schemas/indicators.csv").stream()
        .map(r -> new Indicator(r.get("indicator"), r.get("numerator"), r.get("denominator"), r.get("population"),
            r.get("description"), r.get("label")))
        .toList();
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

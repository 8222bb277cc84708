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
  private static final List<Indicator> PUBLISHED = read();

  private IndicatorCatalog() {}

  /**
   * A published figure. {@code population}: "panel" rates are not weighted (the panel is a census),
   * "respondents" rates are, "respondents_and_repeaters" rates also count the cohort's repeaters
   * (weight 1, known from the files) and "durations" is the Kaplan–Meier median. {@code interval} is
   * false for figures computed over every leaver of the files, which have no sampling error;
   * {@code base} says in French whom the denominator counts; {@code comparesWith} names Devenir's own
   * indicator that an InserJeunes-comparable one stands beside; {@code label} is the short heading of
   * published tables.
   */
  public record Indicator(String name, String numerator, String denominator, String population, boolean interval,
      String base, String comparesWith, String description, String label) implements Serializable {
    public boolean weightedByResponse() {
      return population.startsWith("respondents");
    }

    public boolean isMedian() {
      return "durations".equals(population);
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

  /**
   * A breakdown: its outcome columns (none for the region), the dimensions it refines, and its
   * {@code priority} for the reader (1 the region, 2 the breakdowns of the regional page, 3 the
   * details): complementary suppression takes its partners from the details first.
   */
  public record Dimension(String name, List<String> columns, List<String> parents, int priority, String description)
      implements Serializable {}

  /** The rates, computed from sums over gold.outcomes. */
  public static List<Indicator> indicators() {
    return published().stream().filter(i -> !i.isMedian()).toList();
  }

  /** Every published figure in the order of the file (the rates and the median). */
  public static List<Indicator> published() {
    return PUBLISHED;
  }

  private static List<Indicator> read() {
    return Csv.readResource("data-schemas/indicators.csv").stream()
        .map(r -> new Indicator(r.get("indicator"), r.get("numerator"), r.get("denominator"), r.get("population"),
            "yes".equals(r.get("interval")), r.get("base"), blankToNull(r.get("compares_with")), r.get("description"),
            r.get("label")))
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

  public static Indicator get(String name) {
    return published().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public static List<Dimension> dimensions() {
    return Csv.readResource("data-schemas/dimensions.csv").stream()
        .map(r -> new Dimension(r.get("dimension"), split(r.get("columns"), ","), split(r.get("parents"), "\\|"),
            Integer.parseInt(r.get("priority")), r.get("description")))
        .toList();
  }

  private static List<String> split(String s, String separator) {
    return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(separator)).map(String::trim).toList();
  }
}

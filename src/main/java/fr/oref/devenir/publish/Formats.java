package fr.oref.devenir.publish;

import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.stats.Rounding;
import org.apache.spark.sql.Row;

/** How a figure of gold.indicators reads in French: « 72,4 % », « 3,0 mois », « s » when suppressed. */
public final class Formats {
  public static final String SECRET = "s";
  public static final String LEGEND = "s : secret statistique (effectif inférieur au seuil de diffusion, ou secret induit "
      + "pour qu'aucune valeur masquée ne puisse être retrouvée par différence) ; n.c. : non calculable (effectif nul).";

  private Formats() {}

  public static boolean isMonths(Row r) {
    return IndicatorCatalog.MEDIAN.equals(r.getAs("indicator"));
  }

  public static String value(Row r) {
    if (Boolean.TRUE.equals(r.getAs("suppressed"))) {
      return SECRET;
    }
    return number(r, r.<Double>getAs("value"));
  }

  public static String interval(Row r) {
    if (Boolean.TRUE.equals(r.getAs("suppressed")) || r.getAs("value") == null) {
      return "";
    }
    return "[" + number(r, r.<Double>getAs("ci_low")) + " – " + number(r, r.<Double>getAs("ci_high")) + "]";
  }

  private static String number(Row r, Double v) {
    if (v == null) {
      return "n.c.";
    }
    String text = isMonths(r) ? Rounding.oneDecimal(v) + " mois" : Rounding.percent(v) + " %";
    return text.replace('.', ',');
  }
}

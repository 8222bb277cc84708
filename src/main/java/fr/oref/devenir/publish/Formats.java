package fr.oref.devenir.publish;

import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.stats.IndicatorResult;
import fr.oref.devenir.stats.PublicSecrecy;
import fr.oref.devenir.stats.Rounding;
import java.util.List;

/**
 * How a figure of gold.indicators reads in French: « 72,4 % », « 3 mois » (the median is a whole
 * month of the Kaplan–Meier curve), « s » when suppressed.
 */
public final class Formats {
  public static final String SECRET = "s";
  public static final String LEGEND = "s : secret statistique (effectif inférieur au seuil de diffusion, ou secret induit "
      + "pour qu'aucune valeur masquée ne puisse être retrouvée par différence) ; n.c. : non calculable (effectif nul).";

  /**
   * Method notes printed with every publication (workbook notes, PDF, web pages); each value they state
   * is a placeholder filled from data-schemas/parameters.csv, the values the figures were computed with.
   */
  private static final List<String> METHOD_NOTES = List.of(
      "Méthodes : intervalles de confiance à {confidence%} % de Wilson ; pour les taux redressés, effectif efficace de "
          + "Kish ; délai d'accès au premier emploi estimé par Kaplan–Meier (censure à la date de référence), intervalle "
          + "de la médiane par la bande à {confidence%} % de la courbe sur l'échelle logarithmique. Les taux comptés sur "
          + "tous les sortants des fichiers (réponse, réussite au diplôme, rupture de contrat) n'ont pas d'intervalle : "
          + "ils ne reposent pas sur un échantillon.",
      "Redressement : calage (raking) des répondants sur les effectifs du panel par CFA, niveau, sexe et diplôme obtenu.",
      "Secret statistique : valeur masquée si le dénominateur est inférieur à {secrecy_threshold}, avec secret induit.",
      "Arrondi : pourcentages à une décimale, arrondi au pair le plus proche.",
      "Source : enquête Devenir auprès des sortants d'apprentissage, fichiers des CFA.",
      LEGEND);

  /** The method notes with the values of {@code parameters}. */
  public static List<String> methodNotes(Parameters parameters) {
    return METHOD_NOTES.stream().map(parameters::fill).toList();
  }

  private Formats() {}

  /** The legend of a restricted bundle, whose secrecy threshold is lower. */
  public static String restrictedLegend(int threshold) {
    return LEGEND.replace("inférieur au seuil de diffusion", "inférieur à " + threshold);
  }

  /** A published count: none for the median (its numerator and denominator are not a rate's). */
  private static String count(IndicatorResult r, Double count, boolean denominator) {
    if (r.months()) {
      return "";
    }
    boolean shown = denominator ? denominatorShown(r) : !r.hidden();
    return shown ? String.valueOf(Math.round(count)) : SECRET;
  }

  public static String numerator(IndicatorResult r) {
    return count(r, r.numerator(), false);
  }

  public static String denominator(IndicatorResult r) {
    return count(r, r.denominator(), true);
  }

  /** A suppressed row still shows its denominator when only its numerator is hidden. */
  public static boolean denominatorShown(IndicatorResult r) {
    return !r.hidden() || PublicSecrecy.showsDenominator(r.suppressionReason());
  }

  public static String value(IndicatorResult r) {
    if (r.hidden()) {
      return SECRET;
    }
    return number(r, r.value());
  }

  /** Empty when suppressed, not computable, or counted over every leaver (no sampling error, no interval). */
  public static String interval(IndicatorResult r) {
    if (r.hidden() || r.value() == null || r.ciLow() == null) {
      return "";
    }
    return "[" + number(r, r.ciLow()) + " – " + number(r, r.ciHigh()) + "]";
  }

  private static String number(IndicatorResult r, Double v) {
    if (v == null) {
      return "n.c.";
    }
    String text = r.months() ? Math.round(v) + " mois" : Rounding.percent(v) + " %";
    return text.replace('.', ',');
  }
}

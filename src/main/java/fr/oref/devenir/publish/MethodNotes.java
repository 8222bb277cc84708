package fr.oref.devenir.publish;

import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.stats.Raking;
import fr.oref.devenir.stats.WeightingRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The definitions and methods block of every publication (workbook notes, PDF, web pages): the
 * wave's population, each figure's definition and base (read from data-schemas/indicators.csv), the
 * methods, and what the weighting of this wave did when it is not what the methods promise
 * (margins not reached, categories merged, weights bounded) — the same sentences the indicators
 * command prints.
 */
public final class MethodNotes {
  /** The raking margins as readers know them (gold.weighting stores the outcome column names). */
  private static final Map<String, String> MARGINS = Map.of("uai_cfa", "CFA", "level", "niveau", "sex", "sexe",
      "file_diploma", "diplôme obtenu");

  private MethodNotes() {}

  /** Who the wave describes, said on every page of the wave. */
  public static String population(int wave) {
    return wave == 1 ? "sortants de la cohorte (redoublants exclus)"
        : "sortants hors poursuite d'études et refus en vague 1";
  }

  public static List<String> of(int wave, List<String> weighting) {
    return of(wave, weighting, Parameters.get());
  }

  static List<String> of(int wave, List<String> weighting, Parameters parameters) {
    List<String> notes = new ArrayList<>();
    notes.add("Population de la vague " + wave + " : " + population(wave) + ".");
    IndicatorCatalog.published().forEach(i -> notes.add(i.label() + " : " + i.description() + " (base : " + i.base()
        + ")."));
    notes.addAll(Formats.methodNotes(parameters));
    notes.addAll(weighting);
    return notes;
  }

  /** « Base de chaque colonne » under a table whose columns are these indicators. */
  public static String columnBases(List<IndicatorCatalog.Indicator> columns) {
    return "Base de chaque colonne : " + String.join(" ; ", columns.stream().map(i -> i.label() + " : " + i.base())
        .toList()) + ".";
  }

  public static List<String> weighting(Raking.Diagnostics d) {
    return weighting(d.converged(), d.largestGap(), d.iterations(), d.collapsed(), d.trimmed(), d.minWeight(),
        d.maxWeight());
  }

  /** From the row of gold.weighting the publication reads. */
  public static List<String> weighting(WeightingRun w) {
    return weighting(w.converged(), w.largestGap(), w.iterations(), w.merges(), w.trimmed(), w.minWeight(),
        w.maxWeight());
  }

  private static List<String> weighting(boolean converged, double gap, int iterations, List<String> collapsed,
      int trimmed, double minWeight, double maxWeight) {
    List<String> notes = new ArrayList<>();
    if (!converged) {
      notes.add(String.format(Locale.FRANCE, "Attention : le calage n'a pas convergé (après %d itérations, une marge "
          + "redressée s'écarte encore de %.1f %% de l'effectif du panel) ; les chiffres redressés sont à lire avec "
          + "prudence.", iterations, 100 * gap));
    }
    if (!collapsed.isEmpty()) {
      notes.add(Parameters.get().fill("Catégories regroupées pour le calage (moins de {raking_min_respondents} "
          + "répondants) : ") + String.join(" ; ",
          collapsed.stream().map(MethodNotes::readable).toList()) + ".");
    }
    if (trimmed > 0) {
      notes.add(String.format(Locale.FRANCE, Parameters.get().fill("Poids bornés : %d ajustements pour garder chaque "
          + "poids entre {raking_lower} et {raking_upper} fois le poids moyen (poids finaux de %.2f à %.2f)."), trimmed,
          minWeight, maxWeight));
    }
    return notes;
  }

  /**
   * « level: 6+7 » as « niveau : 6 + 7 »; merged CFAs are only counted, since a CFA's restricted report
   * prints this block and must not name another CFA.
   */
  private static String readable(String merge) {
    int colon = merge.indexOf(':');
    String variable = colon < 0 ? "" : merge.substring(0, colon).trim();
    String values = merge.substring(colon + 1).trim();
    return MARGINS.getOrDefault(variable, variable) + " : " + (variable.equals("uai_cfa")
        ? values.split("\\+").length + " CFA regroupés" : values.replace("+", " + "));
  }
}

package fr.oref.devenir.stats;

import java.util.Locale;

/** The secrecy audit's figures, as the indicators and publish commands print them. */
public final class AuditFigures {
  private AuditFigures() {}

  public static String line(LinearAudit.Report a, int threshold) {
    return String.format(Locale.FRANCE, "Audit du secret : %d comptages masqués en %d composantes (la plus grande : %d),"
        + " %d programmes linéaires, intervalle le plus étroit %s (requis : %.0f sous le seuil, %.0f en complément), %.1f s.",
        a.hidden(), a.components(), a.largestComponent(), a.programs(), Double.isInfinite(a.narrowest()) ? "illimité"
            : String.format(Locale.FRANCE, "%.1f", a.narrowest()), CountSecrecy.protectionWidth(threshold),
        CountSecrecy.NOT_EXACT, a.seconds());
  }
}

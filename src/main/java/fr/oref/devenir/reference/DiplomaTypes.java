package fr.oref.devenir.reference;

import fr.oref.devenir.text.Csv;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Diploma types of the BCN (table N_NIVEAU_FORMATION_DIPLOME): the first three characters of a CFD
 * give the type (500 = CAP, 400 = Bac pro, 320 = BTS…) and its RNCP qualification level.
 */
public final class DiplomaTypes implements Serializable {
  public static final String FILE = "reference/bcn_n_niveau_formation_diplome.csv";
  public static final String UNKNOWN = "UNKNOWN";

  private final Map<String, String> levelByType = new HashMap<>();
  private final Map<String, String> labelByType = new HashMap<>();

  public static DiplomaTypes load() {
    DiplomaTypes types = new DiplomaTypes();
    for (Map<String, String> r : Csv.readResource(FILE)) {
      String type = r.get("NIVEAU_FORMATION_DIPLOME");
      String level = r.get("NIVEAU_QUALIFICATION_RNCP");
      if (level != null && level.matches("0[1-8]")) {
        types.levelByType.put(type, level.substring(1));
      }
      types.labelByType.put(type, r.get("LIBELLE_COURT"));
    }
    return types;
  }

  /** RNCP level "3" (CAP) to "8", or UNKNOWN when the CFD's type has none. */
  public String levelOf(String cfd) {
    if (cfd == null || cfd.length() < 3) {
      return UNKNOWN;
    }
    return levelByType.getOrDefault(cfd.substring(0, 3), UNKNOWN);
  }

  /** Short label of the CFD's type ("CAP", "BTS"), or null. */
  public String typeLabel(String cfd) {
    return cfd == null || cfd.length() < 3 ? null : labelByType.get(cfd.substring(0, 3));
  }
}

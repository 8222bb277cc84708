package fr.oref.devenir.reference;

import fr.oref.devenir.text.Csv;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Certif Info: the ROME codes a diploma (by CFD, column Code_Scolarité) leads to (Code_Rome_1…5). */
public final class CertifInfo implements Serializable {
  public static final String FILE = "reference/certif_info.csv";

  private final Map<String, Set<String>> romeByCfd = new HashMap<>();
  private final ReferenceVersion version;

  private CertifInfo(List<Map<String, String>> rows) {
    for (Map<String, String> r : rows) {
      String cfd = r.getOrDefault("Code_Scolarité", "").trim();
      if (cfd.isEmpty()) {
        continue;
      }
      for (int i = 1; i <= 5; i++) {
        String rome = r.getOrDefault("Code_Rome_" + i, "").trim();
        if (!rome.isEmpty()) {
          romeByCfd.computeIfAbsent(cfd, k -> new HashSet<>()).add(rome);
        }
      }
    }
    this.version = ReferenceVersion.of(FILE, rows.size());
  }

  public static CertifInfo load() {
    return new CertifInfo(Csv.readResource(FILE));
  }

  /** The ROME codes attached to the diploma; empty when it has none (field match unknown). */
  public Set<String> romeCodes(String cfd) {
    return cfd == null ? Set.of() : romeByCfd.getOrDefault(cfd, Set.of());
  }

  public ReferenceVersion version() {
    return version;
  }
}

package fr.oref.devenir.reference;

import fr.oref.devenir.text.Csv;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ROME job titles (appellations) with their ROME code: what free-text job titles are coded against. */
public final class RomeTitles implements Serializable {
  public static final String FILE = "reference/rome_appellations.csv";

  /** One appellation: its short label and ROME code. */
  public record Title(String label, String romeCode) implements Serializable {}

  private final List<Title> titles = new ArrayList<>();
  private final Map<String, List<Title>> byRome = new HashMap<>();
  private final ReferenceVersion version;

  private RomeTitles(List<Map<String, String>> rows) {
    for (Map<String, String> r : rows) {
      Title t = new Title(r.get("libelle_appellation_court"), r.get("code_rome"));
      titles.add(t);
      byRome.computeIfAbsent(t.romeCode(), k -> new ArrayList<>()).add(t);
    }
    version = ReferenceVersion.of(FILE, rows.size());
  }

  public static RomeTitles load() {
    return new RomeTitles(Csv.readResource(FILE));
  }

  public List<Title> titles() {
    return titles;
  }

  public List<Title> ofRome(String romeCode) {
    return byRome.getOrDefault(romeCode, List.of());
  }

  public ReferenceVersion version() {
    return version;
  }
}

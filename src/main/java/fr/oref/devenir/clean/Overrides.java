package fr.oref.devenir.clean;

import fr.oref.devenir.contracts.SurveyExportContract;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.text.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Manual overrides (SPEC §5.3): {@code ID_SEINE;VAGUE;VARIABLE;VALEUR;MOTIF}, VARIABLE an export column
 * and VALEUR as the survey tool would write it. Applied last, each one audited; a line naming an
 * unknown column or an impossible value is refused loudly, never ignored.
 */
public final class Overrides implements Serializable {
  /** One override line, typed. */
  public record Override(String leaverId, int wave, String field, Object value, String motif) implements Serializable {}

  private final Map<String, List<Override>> byLeaver = new HashMap<>();

  private Overrides() {}

  public static Overrides none() {
    return new Overrides();
  }

  /** The file at a Hadoop path: on a cluster the statisticians' file sits beside the lake, not on the driver. */
  public static Overrides from(HadoopFiles files, String file) {
    try (InputStream in = files.open(file)) {
      return parse(Csv.readMaps(in), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Overrides parse(List<Map<String, String>> rows, String source) {
    Overrides overrides = new Overrides();
    SurveyExportContract contract = SurveyExportContract.get();
    int line = 1;
    for (Map<String, String> r : rows) {
      line++;
      String column = r.getOrDefault("VARIABLE", "").trim();
      SurveyExportContract.Column c = contract.columns().stream().filter(x -> x.name().equalsIgnoreCase(column))
          .findFirst().orElseThrow(() -> new IllegalArgumentException(source + " : variable inconnue « " + column
              + " » (colonne de l'export attendue)"));
      SurveyExportContract.Typed typed = contract.type(Map.of(c.name(), r.getOrDefault("VALEUR", "")));
      if (!typed.problems().isEmpty()) {
        throw new IllegalArgumentException(source + " ligne " + line + " : " + typed.problems().get(0).message());
      }
      Override o = new Override(r.get("ID_SEINE").trim(), Integer.parseInt(r.get("VAGUE").trim()), c.field(),
          typed.values().get(c.field()), r.getOrDefault("MOTIF", ""));
      overrides.byLeaver.computeIfAbsent(o.leaverId() + "#" + o.wave(), k -> new ArrayList<>()).add(o);
    }
    return overrides;
  }

  public int size() {
    return byLeaver.values().stream().mapToInt(List::size).sum();
  }

  public List<Correction> apply(String leaverId, int wave, Map<String, Object> answer) {
    List<Correction> corrections = new ArrayList<>();
    for (Override o : byLeaver.getOrDefault(leaverId + "#" + wave, List.of())) {
      Object old = answer.get(o.field());
      answer.put(o.field(), o.value());
      corrections.add(new Correction(leaverId, wave, o.field(), Objects.toString(old, null),
          Objects.toString(o.value(), null), "override: " + o.motif()));
    }
    return corrections;
  }
}

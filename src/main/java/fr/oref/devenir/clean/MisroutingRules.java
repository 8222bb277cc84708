package fr.oref.devenir.clean;

import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.text.Csv;
import fr.oref.devenir.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Misrouting corrections (SPEC §5.2), from a rules file the statisticians edit
 * (data-schemas/misrouting-rules.csv by default). A rule sets {@code variable} to {@code new_value}
 * when every condition of {@code when} holds ({@code field=CODE}, joined by {@code &}, on the
 * answer's code names) and, if given, {@code pattern} (a regular expression) is found in the free
 * text {@code text} names (SITUATION_AUTRE by default), lower-cased and without accents. Rules apply
 * in file order, each once.
 */
public final class MisroutingRules implements Serializable {
  public static final String DEFAULT = "data-schemas/misrouting-rules.csv";

  /** One rule of the file. */
  public record Rule(String id, String variable, Map<String, String> conditions, String text, Pattern pattern,
      String newValue) implements Serializable {}

  private final List<Rule> rules;

  private MisroutingRules(List<Map<String, String>> rows) {
    List<Rule> parsed = new ArrayList<>();
    for (Map<String, String> r : rows) {
      Map<String, String> conditions = new java.util.LinkedHashMap<>();
      for (String c : r.get("when").split("&")) {
        if (!c.isBlank()) {
          String[] kv = c.split("=", 2);
          conditions.put(kv[0].trim(), kv[1].trim());
        }
      }
      String pattern = r.getOrDefault("pattern", "");
      String text = r.getOrDefault("text", "");
      parsed.add(new Rule(r.get("rule"), r.get("variable"), conditions, text.isBlank() ? "situation_other" : text,
          pattern.isBlank() ? null : Pattern.compile(pattern), r.get("new_value")));
    }
    this.rules = List.copyOf(parsed);
  }

  public static MisroutingRules defaults() {
    return new MisroutingRules(Csv.readResource(DEFAULT));
  }

  /** The statisticians' edited copy. */
  public static MisroutingRules from(HadoopFiles files, String file) {
    try (InputStream in = files.open(file)) {
      return new MisroutingRules(Csv.readMaps(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Corrects the answer in place and returns what changed. */
  public List<Correction> apply(String leaverId, int wave, Map<String, Object> answer) {
    List<Correction> corrections = new ArrayList<>();
    for (Rule rule : rules) {
      if (matches(rule, answer)) {
        Object old = answer.get(rule.variable());
        if (!Objects.equals(old, rule.newValue())) {
          answer.put(rule.variable(), rule.newValue());
          corrections.add(new Correction(leaverId, wave, rule.variable(), Objects.toString(old, null), rule.newValue(),
              rule.id()));
        }
      }
    }
    return corrections;
  }

  private static boolean matches(Rule rule, Map<String, Object> answer) {
    for (Map.Entry<String, String> c : rule.conditions().entrySet()) {
      if (!c.getValue().equals(answer.get(c.getKey()))) {
        return false;
      }
    }
    if (rule.pattern() == null) {
      return true;
    }
    Object text = answer.get(rule.text());
    return text != null && rule.pattern().matcher(Texts.fold(text.toString())).find();
  }
}

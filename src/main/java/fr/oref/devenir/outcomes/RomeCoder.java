package fr.oref.devenir.outcomes;

import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.reference.ReferenceVersion;
import fr.oref.devenir.reference.RomeTitles;
import fr.oref.devenir.text.Texts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Codes free-text job titles to ROME against the referential of job titles (appellations).
 * Titles are normalised (case, accents, the masculine / feminine forms of "Boulanger / Boulangère"
 * indexed apart, plurals, stop words); an exact normalised match is coded with confidence 1, else
 * the best IDF-weighted token overlap (weighted Jaccard) is kept when it reaches the threshold. What
 * stays below goes to the statisticians' list of titles to code.
 */
public final class RomeCoder implements Serializable {
  private static final Set<String> STOP_WORDS = Set.of("de", "du", "des", "d", "la", "le", "les", "l", "en", "et",
      "a", "au", "aux", "h", "f", "hf", "un", "une", "chez", "pour", "dans");

  /** A coding: the ROME code, the referential title it matched, how sure, and how. */
  public record Match(String romeCode, String title, double confidence, String method) implements Serializable {}

  private final Map<String, RomeTitles.Title> exact = new HashMap<>();
  private final List<List<String>> formTokens = new ArrayList<>();
  private final List<RomeTitles.Title> formTitles = new ArrayList<>();
  private final Map<String, List<Integer>> formsByToken = new HashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  private final double threshold;
  private final ReferenceVersion version;

  public RomeCoder(RomeTitles titles, double threshold) {
    this.threshold = threshold;
    this.version = titles.version();
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (RomeTitles.Title title : titles.titles()) {
      for (String form : title.label().split("\\s*/\\s*")) {
        List<String> tokens = tokens(form);
        if (tokens.isEmpty()) {
          continue;
        }
        exact.putIfAbsent(String.join(" ", tokens), title);
        int index = formTokens.size();
        formTokens.add(tokens);
        formTitles.add(title);
        for (String t : new HashSet<>(tokens)) {
          formsByToken.computeIfAbsent(t, k -> new ArrayList<>()).add(index);
          documentFrequency.merge(t, 1, Integer::sum);
        }
      }
    }
    documentFrequency.forEach((t, df) -> idf.put(t, Math.log(1.0 + (double) formTokens.size() / df)));
  }

  public static RomeCoder load() {
    return new RomeCoder(RomeTitles.load(), Parameters.get().decimal("rome_coding_threshold"));
  }

  public ReferenceVersion referentialVersion() {
    return version;
  }

  /** Lower case, no accents, no stop words, singular. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    for (String t : Texts.fold(text).split(" ")) {
      if (t.isEmpty() || STOP_WORDS.contains(t)) {
        continue;
      }
      tokens.add(t.length() > 3 && (t.endsWith("s") || t.endsWith("x")) ? t.substring(0, t.length() - 1) : t);
    }
    return tokens;
  }

  /** The coding if confident enough. */
  public Optional<Match> code(String jobTitle) {
    return bestGuess(jobTitle).filter(m -> m.confidence() >= threshold);
  }

  /** The closest referential title, however weak (for the list of titles to code by hand). */
  public Optional<Match> bestGuess(String jobTitle) {
    List<String> query = tokens(jobTitle == null ? "" : jobTitle);
    if (query.isEmpty()) {
      return Optional.empty();
    }
    RomeTitles.Title hit = exact.get(String.join(" ", query));
    if (hit != null) {
      return Optional.of(new Match(hit.romeCode(), hit.label(), 1.0, "exact"));
    }
    Set<Integer> candidates = new LinkedHashSet<>();
    query.forEach(t -> candidates.addAll(formsByToken.getOrDefault(t, List.of())));
    Match best = null;
    for (int i : candidates) {
      double score = weightedJaccard(query, formTokens.get(i));
      if (best == null || score > best.confidence()) {
        best = new Match(formTitles.get(i).romeCode(), formTitles.get(i).label(), score, "tokens");
      }
    }
    return Optional.ofNullable(best);
  }

  private double weightedJaccard(List<String> a, List<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> common = new HashSet<>(a);
    common.retainAll(new HashSet<>(b));
    double unknownWeight = Math.log(1.0 + formTokens.size());
    double num = common.stream().mapToDouble(t -> idf.getOrDefault(t, unknownWeight)).sum();
    double den = union.stream().mapToDouble(t -> idf.getOrDefault(t, unknownWeight)).sum();
    return den == 0 ? 0 : num / den;
  }
}

package fr.oref.devenir.stats;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Public secrecy of a wave's counts and what it means for its indicator rows. A count is hidden or
 * published once per wave × cell, for every indicator, raw and weighted alike. An indicator row is
 * suppressed when its numerator or denominator is hidden; its reason is the denominator's
 * ({@code LT_20}, {@code SECONDARY}) or, when only the numerator is hidden, {@code NUM_} and the
 * numerator's — the published denominator then stays shown.
 */
public final class PublicSecrecy {
  public static final String NUMERATOR_PREFIX = "NUM_";

  private static final Map<String, Integer> PRIORITIES = IndicatorCatalog.dimensions().stream()
      .collect(Collectors.toMap(IndicatorCatalog.Dimension::name, IndicatorCatalog.Dimension::priority));

  private PublicSecrecy() {}

  /** Whether a row with this suppression reason (null when published) shows its denominator. */
  public static boolean showsDenominator(String reason) {
    return reason == null || reason.startsWith(NUMERATOR_PREFIX);
  }

  /** A wave's counts, by key, and the reason of each hidden one. */
  public record Counts(Map<String, Double> values, Map<String, String> hidden) {}

  /** The suppression reason of a row, null when published. */
  public static String rowReason(Map<String, String> hidden, int wave, String cell, IndicatorCatalog.Indicator pair) {
    String denominator = hidden.get(CountRelations.key(wave, cell, pair.denominator()));
    if (denominator != null) {
      return denominator;
    }
    String numerator = hidden.get(CountRelations.key(wave, cell, pair.numerator()));
    return numerator == null ? null : NUMERATOR_PREFIX + numerator;
  }

  /**
   * Primary counts, then complementary ones until the audit holds, over {@code wave}'s counts and
   * those of the other wave already published (frozen); a count that no row would show is hidden too.
   *
   * @throws IllegalStateException (French, naming cells) when protection cannot be reached
   */
  public static CountSecrecy.Outcome decide(int wave, Map<String, Double> values, Set<String> cells, Counts other,
      List<LinearAudit.Relation> relations, int threshold) {
    Map<String, String> primary = new HashMap<>(other.hidden());
    for (String cell : cells) {
      for (IndicatorCatalog.Indicator p : IndicatorCatalog.published()) {
        if (values.get(CountRelations.key(wave, cell, p.denominator())) < threshold) {
          primary.put(CountRelations.key(wave, cell, p.denominator()), Secrecy.primaryReason(threshold));
          primary.put(CountRelations.key(wave, cell, p.numerator()), Secrecy.primaryReason(threshold));
        }
      }
    }
    Map<String, Double> all = new HashMap<>(values);
    all.putAll(other.values());
    double width = CountSecrecy.protectionWidth(threshold);
    CountSecrecy.Outcome outcome = CountSecrecy.protect(all, primary, other.values().keySet(), relations, width,
        new CountSecrecy.Policy(PublicSecrecy::priority, hidden -> unseen(wave, cells, hidden),
            (k, hidden) -> rowsLost(wave, k, hidden)));
    failIfShort(outcome.audit());
    return outcome;
  }

  /** The reader's priority of a count's dimension (data-schemas/dimensions.csv), from its key {@code wave|dimension=value|count}. */
  static int priority(String key) {
    int bar = key.indexOf('|');
    return PRIORITIES.get(key.substring(bar + 1, key.indexOf('=', bar)));
  }

  /** The rows of {@code key}'s cell still published that would be suppressed if {@code key} were hidden. */
  private static int rowsLost(int wave, String key, Map<String, String> hidden) {
    String cell = CountSecrecy.cell(key);
    String count = key.substring(cell.length() + 1);
    int lost = 0;
    for (IndicatorCatalog.Indicator p : IndicatorCatalog.published()) {
      if ((p.numerator().equals(count) || p.denominator().equals(count)) && rowReason(hidden, wave, cell, p) == null) {
        lost++;
      }
    }
    return lost;
  }

  /** Published counts no row shows (a numerator whose every denominator is hidden). */
  private static Set<String> unseen(int wave, Set<String> cells, Map<String, String> hidden) {
    Set<String> unseen = new HashSet<>();
    for (String cell : cells) {
      Set<String> shown = new HashSet<>();
      for (IndicatorCatalog.Indicator p : IndicatorCatalog.published()) {
        String reason = rowReason(hidden, wave, cell, p);
        if (reason == null) {
          shown.add(p.numerator());
        }
        if (showsDenominator(reason)) {
          shown.add(p.denominator());
        }
      }
      IndicatorCatalog.published().forEach(p -> List.of(p.numerator(), p.denominator()).forEach(c -> {
        String key = CountRelations.key(wave, cell, c);
        if (!shown.contains(c) && !hidden.containsKey(key)) {
          unseen.add(key);
        }
      }));
    }
    return unseen;
  }

  /** A one-line French failure naming the first cells whose hidden counts are not protected. */
  public static void failIfShort(LinearAudit.Report audit) {
    if (!audit.tooNarrow().isEmpty()) {
      throw new IllegalStateException("Secret statistique insuffisant : " + audit.tooNarrow().size()
          + " comptages masqués se déduisent des chiffres publiés plus précisément que leur protection ne le permet, dont "
          + audit.tooNarrow().stream().limit(5).map(i -> i.key() + " ∈ [" + Math.round(i.low()) + " ; "
              + Math.round(i.high()) + "] (écart requis " + (int) i.required() + ")").collect(Collectors.joining(", ")) + ".");
    }
  }
}

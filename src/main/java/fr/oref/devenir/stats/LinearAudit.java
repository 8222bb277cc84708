package fr.oref.devenir.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.commons.lang3.time.StopWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an attacker can learn of each hidden count from everything published: the smallest and
 * largest value it can take under every published linear relation (hidden counts ≥ 0, integrality
 * relaxed), by linear programming ({@link LinearModel}). Every count is a variable of one model, a
 * published one fixed at its value; hiding a count frees it. The model lives as long as the
 * suppression being built, so each LP restarts from the last basis (a few pivots where a fresh model
 * costs a full solve), and a count once found wide enough needs no LP again: hiding more only widens
 * what an attacker can say. The true table is a feasible point, and so is every optimum found: a
 * count whose feasible values already seen span the required width needs no LP of its own.
 */
public final class LinearAudit implements AutoCloseable {
  private static final double TOLERANCE = LinearModel.TOLERANCE;
  private static final int MAX_BATCHES = 8;
  private static final int MIN_BATCH = 20;
  private static final Logger LOG = LoggerFactory.getLogger(LinearAudit.class);
  private static final int NEIGHBOURHOOD_DEPTH = 2;
  private static final int FEW = 5000;
  /**
   * Short counts with a partner of their own worth finding by whole-model LPs in one check: a round
   * gives a partner to one short count per binding set, and the partners free most of the others (at
   * the Normandy scale a round found 269 short counts at 0.4 s an LP, for 23 partners): the rest is
   * left for the next check.
   */
  private static final int SHORT_ENOUGH = 8;
  /**
   * The order the counts are checked in: by hash, not by key, whose order keeps the counts of one cell
   * together. They share their binding set, so the few short counts a check stops at gave one partner
   * a round; spread over the table they give several (at 2,500 leavers 39 rounds instead of 56, 4,323
   * counts hidden instead of 4,422). String's hash is fixed by the language: every JVM, driver or
   * cluster, takes the same order.
   */
  private static final Comparator<String> SPREAD = Comparator.comparingInt(String::hashCode).thenComparing(k -> k);

  /** {@code Σ terms[x]·x = 0} (equality) or {@code ≤ 0}, over counts by key. */
  public record Relation(Map<String, Double> terms, boolean equality) {}

  /**
   * The values a hidden count can take; {@code high} is infinite when nothing bounds it. For a count
   * found too narrow, {@code pinnedBy} holds the published counts its optima depend on (non-zero
   * reduced costs): hiding one of them is what can widen it.
   */
  public record Interval(String key, double value, double low, double high, double required, Set<String> pinnedBy) {
    public double width() { return high - low; }
  }

  /** {@code narrowest}: the smallest width found among the counts checked (infinite when none). */
  public record Report(int hidden, int components, int largestComponent, int programs, double narrowest,
      List<Interval> tooNarrow, Set<String> undecided, double seconds) {}

  private final Map<String, Double> values;
  private final LinearModel model;
  private final List<Relation> relations;
  /** Counts their neighbourhood did not find short: not looked at again (the whole model's LP finds what it misses). */
  private final Set<String> locallyWide = new HashSet<>();
  /** How many relations away a count's neighbourhood reaches, deeper for a count it missed. */
  private final Map<String, Integer> depth = new HashMap<>();
  private final Neighbourhoods local;
  /**
   * The range of values each hidden count takes in the feasible tables found so far. Hiding a count only
   * frees it, so a table feasible once stays feasible: the ranges hold for the life of the audit, and a
   * count left undecided by one check starts the next from what was already found.
   */
  private final Map<String, Double> low = new HashMap<>();
  private final Map<String, Double> high = new HashMap<>();

  /** Every count published. */
  public LinearAudit(Map<String, Double> values, List<Relation> relations) {
    relations.forEach(r -> holds(r, values));
    this.relations = relations;
    this.values = values;
    double cap = LinearModel.cap(values);
    model = new LinearModel(values, relations, cap);
    local = new Neighbourhoods(values, relations, model.hidden(), cap);
  }

  /** One audit of {@code hidden} over {@code relations}, each count checked against its {@code required} width. */
  public static Report run(Map<String, Double> values, Set<String> hidden, List<Relation> relations,
      ToDoubleFunction<String> required) {
    try (LinearAudit audit = new LinearAudit(values, relations)) {
      hidden.forEach(audit::hide);
      return audit.check(hidden, required);
    }
  }

  /** The count is no longer published: any value from 0 up. */
  public void hide(String key) {
    model.hide(key);
    low.putIfAbsent(key, values.get(key));
    high.putIfAbsent(key, values.get(key));
  }

  /** The interval of each of {@code counts} (hidden ones), and those narrower than {@code required} says. */
  public Report check(Set<String> counts, ToDoubleFunction<String> required) {
    return check(counts, required, shortOne -> true);
  }

  /**
   * As above, the LPs over the whole table stopping once {@link #SHORT_ENOUGH} of the short counts found
   * would get a partner of their own ({@code ownPartner}, asked of each in turn): short counts whose
   * binding sets overlap share a partner, so a check stopped at 8 of them may give a round one partner.
   */
  public Report check(Set<String> counts, ToDoubleFunction<String> required, Predicate<Interval> ownPartner) {
    StopWatch watch = StopWatch.createStarted();
    List<String> vars = counts.stream().sorted(SPREAD).toList();
    // a batch LP costs seconds at the Normandy scale however few it sums: it pays only over many counts
    if (vars.size() > FEW) {
      batches(vars, required);
    }
    List<String> open = vars.stream().filter(k -> narrow(k, required)).toList();
    List<Interval> near = neighbourhoods(open.stream().filter(k -> !locallyWide.contains(k)).toList(), required);
    if (!near.isEmpty()) {
      // the other open counts are left for the next check, after their short neighbours got partners
      Set<String> undecided = new HashSet<>(open);
      near.forEach(i -> undecided.remove(i.key()));
      return report(near, undecided, near.stream().mapToDouble(Interval::width).min().orElseThrow(), watch);
    }
    // inside its neighbourhood a count often moves enough already: only the others need the whole model
    open.stream().filter(k -> narrow(k, required)).forEach(k -> local.inside(k, required.applyAsDouble(k),
        depth.getOrDefault(k, NEIGHBOURHOOD_DEPTH) + 1, low, high));
    List<String> stillNarrow = open.stream().filter(k -> narrow(k, required)).toList();
    List<Interval> tooNarrow = new ArrayList<>();
    Set<String> undecided = new HashSet<>();
    int partners = 0;
    double narrowest = Double.POSITIVE_INFINITY;
    for (String key : vars) {
      if (partners >= SHORT_ENOUGH && narrow(key, required)) {
        undecided.add(key);
        continue;
      }
      Interval interval = model.interval(key, required.applyAsDouble(key), low, high, stillNarrow);
      narrowest = Math.min(narrowest, interval.width());
      if (interval.width() < interval.required() - TOLERANCE) {
        tooNarrow.add(interval);
        partners += ownPartner.test(interval) ? 1 : 0;
        // short for reasons further away than its neighbourhood saw: look wider next time
        locallyWide.remove(key);
        depth.merge(key, NEIGHBOURHOOD_DEPTH + 1, (x, y) -> x + 1);
      }
    }
    return report(tooNarrow, undecided, narrowest, watch);
  }

  private boolean narrow(String key, ToDoubleFunction<String> required) {
    return high.get(key) - low.get(key) < required.applyAsDouble(key) - TOLERANCE;
  }

  private Report report(List<Interval> tooNarrow, Set<String> undecided, double narrowest, StopWatch watch) {
    int whole = model.programs();
    int programs = whole + local.programs();
    int[] components = HiddenComponents.of(model.hidden(), relations);
    LOG.debug("audit: {} LPs ({} over the whole table), {} short, {} undecided, {} s", programs, whole, tooNarrow.size(),
        undecided.size(), watch.getTime() / 1e3);
    return new Report(model.hidden().size(), components[0], components[1], programs, narrowest, tooNarrow, Set.copyOf(undecided),
        watch.getTime() / 1e3);
  }

  /** The counts their neighbourhood already finds short; the others are marked so as not to look again. */
  private List<Interval> neighbourhoods(List<String> counts, ToDoubleFunction<String> required) {
    Map<Boolean, List<Interval>> found = counts.stream()
        .map(k -> local.around(k, required.applyAsDouble(k), depth.getOrDefault(k, NEIGHBOURHOOD_DEPTH)))
        .collect(Collectors.partitioningBy(i -> i.width() < i.required() - TOLERANCE));
    found.get(false).forEach(i -> locallyWide.add(i.key()));
    return found.get(true);
  }

  /**
   * Before one LP per count, a few LPs over all counts still open at once (their sum, with varied
   * weights, pushed up then down): each optimum is a feasible table that usually moves most of them
   * by more than they need, leaving the individual LPs to the few that stay narrow.
   */
  private void batches(List<String> vars, ToDoubleFunction<String> required) {
    Random weights = new Random(vars.size());
    List<String> open = vars;
    for (int batch = 0; batch < MAX_BATCHES && open.size() > MIN_BATCH; batch++) {
      for (boolean maximise : new boolean[] {true, false}) {
        Map<String, Double> objective = new LinkedHashMap<>();
        open.forEach(k -> objective.put(k, 0.5 + weights.nextDouble()));
        model.optimise(objective, maximise, low, high, open);
      }
      int before = open.size();
      open = open.stream().filter(k -> narrow(k, required)).toList();
      if (open.size() > 0.9 * before) {
        break;
      }
    }
  }

  /** A relation the true counts break is a wrong contract (data-schemas), not something to audit around. */
  private static void holds(Relation r, Map<String, Double> values) {
    double sum = r.terms().entrySet().stream().mapToDouble(t -> t.getValue() * values.get(t.getKey())).sum();
    if (r.equality() ? Math.abs(sum) > TOLERANCE : sum > TOLERANCE) {
      throw new IllegalStateException("Audit du secret : les comptages ne vérifient pas la relation "
          + r.terms().keySet().stream().sorted().toList() + " (relation fausse dans data-schemas ?).");
    }
  }

  @Override
  public void close() {
    model.close();
  }
}

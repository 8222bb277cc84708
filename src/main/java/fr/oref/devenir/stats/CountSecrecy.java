package fr.oref.devenir.stats;

import fr.oref.devenir.contracts.Parameters;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public secrecy decided on counts (one status per wave × cell × count, keyed
 * {@code wave|dimension=value|count}): the primary counts are hidden, then complementary ones
 * ({@code SECONDARY}) until every hidden count is protected — a primary one by the protection width,
 * a complementary one against exact recovery. Each round: every equality with a single hidden term
 * loses its cheapest other term too; bound propagation finds the counts pinned too narrow without an
 * LP; when it finds none, the LP audit finds the rest, with the published counts each optimum depends
 * on (non-zero reduced costs, as in τ-ARGUS's optimal and modular methods). For each short count the
 * cheapest of those is hidden — one per binding set a round, since one partner often frees its
 * neighbours —, until none is short; a count still short the round after gets instead the published
 * counts moved by the cheapest table that reaches its width ({@link PartnerModel}). Cheapest means: of
 * the least important {@code priority} for the reader (details before the breakdowns of the regional
 * page, the region's own counts only when nothing else can protect), then fewest published rows lost
 * (the policy's {@code loss}), then binding most of the round's short counts, then the smallest value,
 * halved when its cell already hides a count.
 * Counts of {@code frozen} (already published, another wave) keep their status.
 */
public final class CountSecrecy {
  public static final String SECONDARY = "SECONDARY";
  private static final int MAX_ROUNDS = 200;
  /** A published row lost, against one unit moved in a freeing set: a cell has tens of rows at most. */
  private static final double TIE = 1e-3;
  private static final Logger LOG = LoggerFactory.getLogger(CountSecrecy.class);

  private CountSecrecy() {}

  /**
   * A complementary count is safe in itself (hidden only to protect others, as τ-ARGUS sets protection
   * levels on primary cells only): it must merely not be recoverable exactly.
   */
  public static final double NOT_EXACT = 1;

  /** Required width of a primary count's feasible interval: a share of the threshold, at least a minimum. */
  public static double protectionWidth(int threshold) {
    return Math.max(Parameters.get().integer("protection_minimum"), Math.ceil(Parameters.get().decimal("protection_share") * threshold));
  }

  public record Outcome(Map<String, String> hidden, LinearAudit.Report audit) {}

  /**
   * What the publication adds to the bare table: {@code priority} ranks each count for the reader (1
   * most important; a count of a more important rank is taken only when none of a less important rank
   * can protect); {@code alsoHidden} are counts that must go too once a suppression
   * stands (a count no published row would show any more), hidden before each audit; {@code loss} is
   * what hiding one more count costs the reader (the published rows it would take away), weighed
   * before the count's value.
   */
  public record Policy(ToIntFunction<String> priority, Function<Map<String, String>, Set<String>> alsoHidden,
      ToDoubleBiFunction<String, Map<String, String>> loss) {
    static final Policy TABLE = new Policy(k -> 1, hidden -> Set.of(), (k, hidden) -> 0);
  }

  public static Outcome protect(Map<String, Double> values, Map<String, String> primary, Set<String> frozen,
      List<LinearAudit.Relation> relations, double width) {
    return protect(values, primary, frozen, relations, width, Policy.TABLE);
  }

  public static Outcome protect(Map<String, Double> values, Map<String, String> primary, Set<String> frozen,
      List<LinearAudit.Relation> given, double width, Policy policy) {
    List<LinearAudit.Relation> relations = canonical(given);
    try (LinearAudit audit = new LinearAudit(values, relations);
        Suppression s = new Suppression(values, primary, frozen, relations, policy, audit)) {
      ToDoubleFunction<String> required = required(s.hidden, width);
      for (int round = 0; round < MAX_ROUNDS && s.round(round, required); round++) {
        // each round hides partners for the counts found short; none found ends it
      }
      return new Outcome(s.hidden, audit.check(s.hidden.keySet(), required));
    }
  }

  /**
   * The relations in one order whatever the order they came in: Spark hands rows in an order that
   * depends on partitioning (a cluster run and an embedded one differ), and among equal optima the
   * simplex picks by the model's order, so the same table must give the same model to be hidden the same.
   */
  static List<LinearAudit.Relation> canonical(List<LinearAudit.Relation> relations) {
    return relations.stream()
        .map(r -> new LinearAudit.Relation(Collections.unmodifiableMap(new TreeMap<>(r.terms())), r.equality()))
        .sorted(Comparator.comparing(r -> r.equality() + r.terms().toString()))
        .toList();
  }

  /** The width each hidden count's interval needs: {@code width} for a primary one, {@link #NOT_EXACT} else. */
  public static ToDoubleFunction<String> required(Map<String, String> hidden, double width) {
    return k -> SECONDARY.equals(hidden.get(k)) ? NOT_EXACT : width;
  }

  static String cell(String key) {
    int i = key.lastIndexOf('|');
    return i < 0 ? key : key.substring(0, i);
  }

  /** The suppression being built: hidden counts, and what choosing the next one needs. */
  private static final class Suppression implements AutoCloseable {
    final Map<String, String> hidden;
    final Map<String, Double> values;
    final BoundPropagation propagation;
    final ToIntFunction<String> priority;
    /** The priorities present, least important first: the order in which partners are sought. */
    final int[] ranks;
    final Set<String> frozen;
    final List<LinearAudit.Relation> relations;
    final RelationIndex index;
    final Set<String> touchedCells = new HashSet<>();
    /** How many of this round's short counts each published count binds: one partner may free them all. */
    final Map<String, Integer> coverage = new HashMap<>();
    final LinearAudit audit;
    final Policy policy;
    /** Counts found wide enough: they stay so while more are hidden, so they are not audited again. */
    final Set<String> wide = new HashSet<>();
    final ToDoubleBiFunction<String, Map<String, String>> loss;
    final Comparator<String> cost;
    /** The whole table's cheapest ways round, for counts a partner chosen among their binding counts did not free. */
    final PartnerModel partnerModel;
    /** What moving a published count by one unit costs in a freeing set, by its priority rank. */
    final Map<Integer, Double> perUnit = new HashMap<>();
    /** The counts found short last round: still short now, they get a freeing set instead of one partner. */
    Set<String> stubborn = Set.of();

    Suppression(Map<String, Double> values, Map<String, String> primary, Set<String> frozen,
        List<LinearAudit.Relation> relations, Policy policy, LinearAudit audit) {
      this.hidden = new HashMap<>(primary);
      this.audit = audit;
      primary.keySet().forEach(audit::hide);
      this.frozen = frozen;
      this.relations = relations;
      this.values = values;
      propagation = new BoundPropagation(values, relations);
      this.policy = policy;
      // read once per count: the cost comparator asks at every comparison
      Map<String, Integer> priorities = values.keySet().stream()
          .collect(Collectors.toMap(k -> k, policy.priority()::applyAsInt));
      priority = priorities::get;
      ranks = priorities.values().stream().mapToInt(p -> -p).distinct().sorted().map(p -> -p).toArray();
      loss = policy.loss();
      cost = Comparator.<String>comparingInt(k -> -priority.applyAsInt(k))
          .thenComparingDouble(k -> loss.applyAsDouble(k, hidden))
          .thenComparingInt(k -> -coverage.getOrDefault(k, 0))
          .thenComparingDouble(k -> values.get(k) * (touchedCells.contains(cell(k)) ? 0.5 : 1))
          .thenComparing(k -> k);
      index = new RelationIndex(relations);
      primary.keySet().forEach(k -> touchedCells.add(cell(k)));
      for (int i = 0; i < ranks.length; i++) {
        // each rank dearer than any way round through the ranks below (they move tens of counts by a
        // few units: far from 10⁴)
        perUnit.put(ranks[i], Math.pow(1e4, i));
      }
      partnerModel = new PartnerModel(values, relations, frozen);
      primary.keySet().forEach(partnerModel::hide);
    }

    void hide(String key) {
      hidden.put(key, SECONDARY);
      audit.hide(key);
      partnerModel.hide(key);
      touchedCells.add(cell(key));
    }

    /** One round: the counts short now, a partner hidden for each; false when none was needed or possible. */
    boolean round(int round, ToDoubleFunction<String> required) {
      closeSingletons();
      for (Set<String> more = policy.alsoHidden().apply(hidden); !more.isEmpty(); more = policy.alsoHidden().apply(hidden)) {
        more.forEach(this::hide);
        closeSingletons();
      }
      // a count pinned through hidden counts only names no partner: the LP's reduced costs will
      List<LinearAudit.Interval> tooNarrow = propagation.tooNarrow(hidden.keySet(), required)
          .stream().filter(i -> !i.pinnedBy().isEmpty()).toList();
      int programs = 0;
      if (tooNarrow.isEmpty()) {
        Set<String> check = new HashSet<>(hidden.keySet());
        check.removeAll(wide);
        Set<String> chosen = new HashSet<>();
        LinearAudit.Report report = audit.check(check, required,
            shortOne -> stubborn.contains(shortOne.key()) || ownPartner(shortOne, chosen).isPresent());
        wide.addAll(check);
        report.tooNarrow().forEach(i -> wide.remove(i.key()));
        wide.removeAll(report.undecided());
        tooNarrow = report.tooNarrow();
        programs = report.programs();
      }
      coverage.clear();
      tooNarrow.forEach(i -> i.pinnedBy().forEach(k -> coverage.merge(k, 1, Integer::sum)));
      Set<String> touched = new HashSet<>();
      tooNarrow.forEach(shortOne -> partners(shortOne, touched).forEach(this::hide));
      Set<String> shortNow = tooNarrow.stream().map(LinearAudit.Interval::key).collect(Collectors.toSet());
      LOG.debug("secrecy round {}: {} hidden, {} LPs, {} short ({} twice), {} partners", round, hidden.size(),
          programs, tooNarrow.size(), shortNow.stream().filter(stubborn::contains).count(), touched.size());
      stubborn = shortNow;
      return !touched.isEmpty();
    }

    /**
     * What to hide for a short count: its own partner, or, for a count short two rounds running (often
     * one bound by over a thousand published counts, which one partner a round frees only after tens of
     * rounds), the counts the cheapest table moving it far enough moves. A set that adds nothing — freed
     * by a set hidden before it this round, or PDLP's optimum spread over equally cheap ways round,
     * none moved half a unit — falls back on its own partner, so every round hides something for it.
     */
    private List<String> partners(LinearAudit.Interval shortOne, Set<String> taken) {
      Optional<Set<String>> set = stubborn.contains(shortOne.key()) ? partnerModel.freeing(shortOne, this::price)
          : Optional.empty();
      List<String> freeing = set.map(found -> found.stream().filter(taken::add).toList()).orElse(List.of());
      return freeing.isEmpty() ? ownPartner(shortOne, taken).stream().toList() : freeing;
    }

    /**
     * What moving a count by one unit costs in a freeing set: nothing once hidden, else its rank's price,
     * the rows it would take away breaking ties only — weighing them fully (times one plus the rows) made
     * Normandy's tail longer, since the cheapest tables then spread over more counts with fewer rows.
     */
    private double price(String key) {
      return hidden.containsKey(key) ? 0 : perUnit.get(priority.applyAsInt(key)) * (1 + TIE * loss.applyAsDouble(key, hidden));
    }

    @Override
    public void close() {
      partnerModel.close();
    }

    /** An equality with one hidden term gives it away: hide the cheapest published other term. */
    void closeSingletons() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (LinearAudit.Relation r : relations) {
          if (r.equality() && r.terms().keySet().stream().filter(hidden::containsKey).count() == 1) {
            Optional<String> partner = cheapest(r.terms().keySet());
            partner.ifPresent(this::hide);
            changed |= partner.isPresent();
          }
        }
      }
    }

    /**
     * A partner for a short count none of whose binding counts is {@code taken} yet (one partner often
     * frees the short counts it binds), added to {@code taken}: what a round does, and what a check
     * counts to know when to stop.
     */
    private Optional<String> ownPartner(LinearAudit.Interval shortOne, Set<String> taken) {
      boolean shared = shortOne.pinnedBy().stream().anyMatch(taken::contains);
      return shared ? Optional.empty() : partner(shortOne).filter(taken::add);
    }

    /**
     * The count to hide for a count found too narrow: the cheapest of those binding it (one of a more
     * important priority only when none other binds it: a count elsewhere would not widen it), else the
     * cheapest sharing a relation with it (or further when those are all hidden), walking further
     * rather than taking a more important one.
     */
    Optional<String> partner(LinearAudit.Interval shortOne) {
      Optional<String> partner = cheapest(shortOne.pinnedBy());
      for (int i = 0; i < ranks.length && partner.isEmpty(); i++) {
        int rank = ranks[i];
        partner = nearest(shortOne.key(), k -> priority.applyAsInt(k) >= rank);
      }
      return partner;
    }

    private Optional<String> nearest(String key, Predicate<String> allowed) {
      Set<String> reached = new HashSet<>(Set.of(key));
      Set<String> frontier = Set.of(key);
      while (!frontier.isEmpty()) {
        Set<String> next = index.neighbours(frontier).filter(reached::add).collect(Collectors.toSet());
        Optional<String> partner = cheapest(next.stream().filter(allowed).collect(Collectors.toSet()));
        if (partner.isPresent()) {
          return partner;
        }
        frontier = next.stream().filter(hidden::containsKey).collect(Collectors.toSet());
      }
      return Optional.empty();
    }

    private Optional<String> cheapest(Set<String> candidates) {
      return candidates.stream().filter(k -> !hidden.containsKey(k) && !frozen.contains(k)).min(cost);
    }
  }
}

package fr.oref.devenir.stats;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import fr.oref.devenir.stats.LinearAudit.Interval;
import fr.oref.devenir.stats.LinearAudit.Relation;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The published counts whose hiding widens a short count enough, found at once over the whole table:
 * τ-ARGUS's optimal method's subproblem, for counts that partners chosen one at a time did not free.
 * Every count may move from its true value — a hidden one freely, a published one at a price per unit
 * moved (the more it costs the reader, the dearer), a {@code frozen} one not at all — under every
 * published relation; the short count is forced to the far end of the width it needs, up and
 * then down, and the cheaper table is kept. Hiding the published counts that table moves makes it a
 * feasible table for an attacker, so the count then spans its width (its other end was reached by a
 * table found before, which stays feasible as more counts are hidden).
 *
 * <p>Solved by PDLP, OR-Tools' first-order solver: at the Normandy scale (62,000 variables, 70,000
 * relations) GLOP took 50–143 s per program from scratch, and over 8 minutes for the first one in a
 * model shared with the audit; PDLP 16–38 s. Its optimum is approximate (small moves left on counts an
 * exact vertex would not move), so only a move of more than half a unit counts.
 */
final class PartnerModel implements AutoCloseable {
  private static final double MOVED = 0.5;

  private final MPSolver solver = Solvers.create("PDLP");
  private final Map<String, MPVariable> up = new HashMap<>();
  private final Map<String, MPVariable> down = new HashMap<>();
  private final Map<String, Double> values;
  private final double cap;

  /** What moving one table costs: its price, and the published counts it moves. */
  private record Table(double cost, Set<String> moved) {}

  /** {@code frozen}: counts no table may move while they are published (another wave's). */
  PartnerModel(Map<String, Double> values, List<Relation> relations, Set<String> frozen) {
    this.values = values;
    cap = LinearModel.cap(values);
    // in one order whatever the map's: the optimum PDLP returns among equal ones follows the model's order
    new TreeMap<>(values).forEach((k, v) -> {
      boolean still = frozen.contains(k);
      // x = v + up − down, within 0 and the cap as in the audit's model
      up.put(k, solver.makeNumVar(0, still ? 0 : cap - v, "u" + up.size()));
      down.put(k, solver.makeNumVar(0, still ? 0 : v, "d" + down.size()));
    });
    for (Relation r : relations) {
      // the true table holds every relation: the moves must keep what it leaves of each
      double slack = -r.terms().entrySet().stream().mapToDouble(t -> t.getValue() * values.get(t.getKey())).sum();
      MPConstraint c = solver.makeConstraint(r.equality() ? slack : -MPSolver.infinity(), slack);
      r.terms().forEach((k, a) -> {
        c.setCoefficient(up.get(k), a);
        c.setCoefficient(down.get(k), -a);
      });
    }
    solver.objective().setMinimization();
  }

  /** The count is no longer published: a frozen one may move too. */
  void hide(String key) {
    up.get(key).setUb(cap - values.get(key));
    down.get(key).setUb(values.get(key));
  }

  /**
   * The published counts to hide for {@code shortOne} to span its required width; empty when no table
   * moves it that far (frozen counts hold it) or the solver gives no answer. {@code price} is what moving
   * a count by one unit costs now: 0 for a hidden one, more than 0 for a published one (asked before
   * each solve, since what a count costs the reader changes as others are hidden).
   */
  Optional<Set<String>> freeing(Interval shortOne, ToDoubleFunction<String> price) {
    Set<String> published = new HashSet<>();
    up.forEach((k, u) -> {
      double perUnit = price.applyAsDouble(k);
      solver.objective().setCoefficient(u, perUnit);
      solver.objective().setCoefficient(down.get(k), perUnit);
      if (perUnit > 0) {
        published.add(k);
      }
    });
    String key = shortOne.key();
    double value = values.get(key);
    Optional<Table> above = push(up.get(key), shortOne.low() + shortOne.required() - value, down.get(key), published);
    if (above.filter(t -> t.moved().isEmpty()).isPresent()) {
      // freed already (by a set hidden earlier this round): the other way cannot hide fewer
      return above.map(Table::moved);
    }
    return Stream.of(above, push(down.get(key), value - (shortOne.high() - shortOne.required()), up.get(key), published))
        .flatMap(Optional::stream)
        .min(Comparator.comparingDouble(Table::cost))
        .map(Table::moved);
  }

  /** The cheapest table where {@code forced} moves by at least {@code by} and {@code other} not at all. */
  private Optional<Table> push(MPVariable forced, double by, MPVariable other, Set<String> published) {
    if (by > forced.ub()) {
      // beyond the cap or below zero: no table goes there
      return Optional.empty();
    }
    double upper = other.ub();
    forced.setLb(by);
    other.setUb(0);
    try {
      MPSolver.ResultStatus status = solver.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
        return Optional.empty();
      }
      Set<String> moved = new TreeSet<>();
      published.forEach(k -> {
        if (up.get(k).solutionValue() + down.get(k).solutionValue() > MOVED) {
          moved.add(k);
        }
      });
      return Optional.of(new Table(solver.objective().value(), moved));
    } finally {
      forced.setLb(0);
      other.setUb(upper);
    }
  }

  @Override
  public void close() {
    solver.delete();
  }
}

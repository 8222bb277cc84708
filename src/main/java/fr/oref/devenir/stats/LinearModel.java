package fr.oref.devenir.stats;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import fr.oref.devenir.stats.LinearAudit.Interval;
import fr.oref.devenir.stats.LinearAudit.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One LP of an attacker, by OR-Tools' GLOP: every count of some relations a variable, a published one
 * fixed at its value, a hidden one free from 0 to the cap. The whole table's audit keeps one for as
 * long as the suppression is built, so each LP restarts from the last basis; the neighbourhoods of one
 * count build small ones and drop them.
 */
final class LinearModel implements AutoCloseable {
  static final double TOLERANCE = 1e-6;

  private final MPSolver solver = Solvers.create("GLOP");
  private final Map<String, MPVariable> variables = new LinkedHashMap<>();
  private final Map<String, Double> values;
  private final Set<String> hidden = new HashSet<>();
  private final double cap;
  /** LPs solved since last read. */
  private int programs;

  LinearModel(Map<String, Double> values, List<Relation> relations, double cap) {
    this.values = values;
    this.cap = cap;
    // GLOP's presolve rebuilds the problem at each solve, losing the last basis: without it an LP
    // after a changed objective or a freed count costs a few pivots (3× faster on a 2,500-leaver campaign)
    solver.setSolverSpecificParametersAsString("use_preprocessing: false");
    for (Relation r : relations) {
      MPConstraint c = solver.makeConstraint(r.equality() ? 0 : -MPSolver.infinity(), 0);
      r.terms().forEach((k, a) -> c.setCoefficient(variable(k), c.getCoefficient(variable(k)) + a));
    }
  }

  /**
   * Beyond any count of the table: a count this high is as good as unbounded (a cap of the order of the
   * counts keeps the solvers' tolerances meaningful, where 1e9 made GLOP find feasible tables infeasible).
   */
  static double cap(Map<String, Double> values) {
    return 2 * values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) + 10;
  }

  private MPVariable variable(String key) {
    return variables.computeIfAbsent(key, k -> {
      double v = values.get(k);
      return solver.makeNumVar(v, v, "x" + variables.size());
    });
  }

  /** The count is no longer published: any value from 0 up. */
  void hide(String key) {
    if (hidden.add(key)) {
      variable(key).setBounds(0, cap);
    }
  }

  Set<String> hidden() {
    return hidden;
  }

  /** Each hidden count at its true value: where the ranges of feasible values found start. */
  Map<String, Double> atTrueValues() {
    return hidden.stream().collect(Collectors.toMap(k -> k, values::get, (a, b) -> a, HashMap::new));
  }

  /**
   * The count's interval: pushed up, then down, unless the feasible tables already found span
   * {@code width}; a count left short is given the published counts its optima depend on.
   */
  Interval interval(String key, double width, Map<String, Double> low, Map<String, Double> high) {
    return interval(key, width, low, high, hidden);
  }

  /** As above, the ranges of {@code watched} counts only growing (those of the others are not read). */
  Interval interval(String key, double width, Map<String, Double> low, Map<String, Double> high,
      Collection<String> watched) {
    Set<String> pinnedBy = new TreeSet<>();
    for (boolean maximise : new boolean[] {true, false}) {
      if (high.get(key) - low.get(key) < width - TOLERANCE) {
        optimise(Map.of(key, 1.0), maximise, low, high, watched);
        // only a count left short needs its partners: reading every reduced cost costs a call per count
        if (high.get(key) - low.get(key) < width - TOLERANCE) {
          pinnedBy.addAll(binding());
        }
      }
    }
    return new Interval(key, values.get(key), low.get(key), high.get(key), width, Set.copyOf(pinnedBy));
  }

  /**
   * The weighted sum of {@code objective}'s counts pushed up or down; the range of each {@code watched}
   * hidden count grows to the optimum found (an optimum at the cap means unbounded above). Reading a
   * value costs a call into the solver: at the Normandy scale, reading all 20,000 hidden counts after
   * each LP took as long as the LP, when a few hundred are still narrow.
   */
  void optimise(Map<String, Double> objective, boolean maximise, Map<String, Double> low, Map<String, Double> high,
      Collection<String> watched) {
    MPObjective o = solver.objective();
    o.clear();
    objective.forEach((k, w) -> o.setCoefficient(variables.get(k), w));
    o.setOptimizationDirection(maximise);
    programs++;
    MPSolver.ResultStatus status = solver.solve();
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      throw new IllegalStateException("Audit du secret : les relations publiées sont incompatibles avec les"
          + " comptages (relation fausse dans data-schemas ?) — " + status + ".");
    }
    for (String k : watched) {
      double v = variables.get(k).solutionValue();
      low.merge(k, v, Math::min);
      high.put(k, v >= cap - TOLERANCE ? Double.POSITIVE_INFINITY : Math.max(high.get(k), v));
    }
  }

  /** The published counts whose value the last optimum depends on. */
  private List<String> binding() {
    List<String> out = new ArrayList<>();
    variables.forEach((k, x) -> {
      if (!hidden.contains(k) && Math.abs(x.reducedCost()) > TOLERANCE) {
        out.add(k);
      }
    });
    return out;
  }

  /** The LPs solved since the last call, and none since. */
  int programs() {
    int solved = programs;
    programs = 0;
    return solved;
  }

  @Override
  public void close() {
    solver.delete();
  }
}

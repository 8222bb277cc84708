package fr.oref.devenir.secrecy;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attacker's own linear programs, apart from the production audit: unknowns are the blank
 * counts, every known count is a constant, each unknown is bounded by LP min and max over the
 * relations that touch its group of linked unknowns (starting from nothing known of it: the
 * attacker does not use the true table as a feasible point). COIN-OR's CLP, not the production
 * audit's GLOP.
 */
final class Attacker {
  /** Far beyond any count: an optimum this high means unbounded. */
  private static final double CAP = 1e9;

  static {
    Loader.loadNativeLibraries();
  }

  /** {@code Σ a·x (=|≤) 0}. */
  record Constraint(Map<String, Double> a, boolean equality) {}

  private Attacker() {}

  /**
   * Each unknown's range of feasible values: exact [min, max] unless the feasible points found
   * already span {@code enough}.
   */
  static Map<String, double[]> bounds(Map<String, Double> known, Set<String> unknown, List<Constraint> constraints,
      double enough) {
    Map<String, String> group = new HashMap<>();
    unknown.forEach(u -> group.put(u, u));
    for (Constraint c : constraints) {
      String first = null;
      for (String x : c.a().keySet()) {
        if (unknown.contains(x)) {
          if (first == null) {
            first = find(group, x);
          } else {
            group.put(find(group, x), first);
          }
        }
      }
    }
    Map<String, List<String>> groups = new HashMap<>();
    unknown.forEach(u -> groups.computeIfAbsent(find(group, u), k -> new ArrayList<>()).add(u));
    Map<String, List<Constraint>> byGroup = new HashMap<>();
    for (Constraint c : constraints) {
      c.a().keySet().stream().filter(unknown::contains).findFirst()
          .ifPresent(x -> byGroup.computeIfAbsent(find(group, x), k -> new ArrayList<>()).add(c));
    }
    Map<String, double[]> out = new HashMap<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      List<String> vars = g.getValue();
      MPSolver model = MPSolver.createSolver("CLP");
      try {
        Map<String, MPVariable> x = new HashMap<>();
        vars.forEach(v -> x.put(v, model.makeNumVar(0, CAP, v)));
        for (Constraint c : byGroup.getOrDefault(g.getKey(), List.of())) {
          double rhs = 0;
          Map<MPVariable, Double> terms = new HashMap<>();
          for (Map.Entry<String, Double> t : c.a().entrySet()) {
            if (x.containsKey(t.getKey())) {
              terms.merge(x.get(t.getKey()), t.getValue(), Double::sum);
            } else {
              rhs -= t.getValue() * known.get(t.getKey());
            }
          }
          MPConstraint e = model.makeConstraint(c.equality() ? rhs : -MPSolver.infinity(), rhs);
          terms.forEach(e::setCoefficient);
        }
        vars.forEach(v -> out.put(v, new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        for (String v : vars) {
          for (boolean max : new boolean[] {true, false}) {
            if (out.get(v)[1] - out.get(v)[0] >= enough) {
              continue;
            }
            model.objective().clear();
            model.objective().setCoefficient(x.get(v), 1);
            model.objective().setOptimizationDirection(max);
            if (model.solve() != MPSolver.ResultStatus.OPTIMAL) {
              throw new IllegalStateException("the attacker's LP has no optimum for " + v);
            }
            // every optimum is a point the attacker cannot rule out: it widens every unknown's range
            for (String u : vars) {
              double[] b = out.get(u);
              double value = x.get(u).solutionValue();
              b[0] = Math.min(b[0], value);
              b[1] = value >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.max(b[1], value);
            }
          }
        }
      } finally {
        model.delete();
      }
    }
    return out;
  }

  private static String find(Map<String, String> group, String x) {
    String r = x;
    while (!group.get(r).equals(r)) {
      r = group.get(r);
    }
    return r;
  }
}

package fr.oref.devenir.secrecy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker's own linear programs, apart from the production audit: unknowns are the blank
 * counts, every known count is a constant, each unknown is bounded by LP min and max over the
 * relations that touch its group of linked unknowns (starting from nothing known of it: the
 * attacker does not use the true table as a feasible point).
 */
final class Attacker {
  /** {@code Σ a·x (=|≤) 0}. */
  record Constraint(Map<String, Double> a, boolean equality) {}

  private Attacker() {}

  /** Each unknown's [min, max]. */
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
      ExpressionsBasedModel model = new ExpressionsBasedModel();
      Map<String, Variable> x = new HashMap<>();
      vars.forEach(v -> x.put(v, model.addVariable(v).lower(0)));
      for (Constraint c : byGroup.getOrDefault(g.getKey(), List.of())) {
        Expression e = model.addExpression();
        double rhs = 0;
        for (Map.Entry<String, Double> t : c.a().entrySet()) {
          if (x.containsKey(t.getKey())) {
            e.add(x.get(t.getKey()), t.getValue());
          } else {
            rhs -= t.getValue() * known.get(t.getKey());
          }
        }
        if (c.equality()) {
          e.level(rhs);
        } else {
          e.upper(rhs);
        }
      }
      vars.forEach(v -> out.put(v, new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}));
      for (String v : vars) {
        for (boolean max : new boolean[] {true, false}) {
          double[] b = out.get(v);
          if (b[1] - b[0] >= enough) {
            continue;
          }
          x.get(v).weight(1);
          Optimisation.Result r = max ? model.maximise() : model.minimise();
          x.get(v).weight(0);
          if (r.getState() == Optimisation.State.UNBOUNDED) {
            b[1] = Double.POSITIVE_INFINITY;
            continue;
          }
          // every optimum is a point the attacker cannot rule out: it widens every unknown's range
          for (int i = 0; i < vars.size(); i++) {
            double[] bi = out.get(vars.get(i));
            bi[0] = Math.min(bi[0], r.doubleValue(i));
            bi[1] = Math.max(bi[1], r.doubleValue(i));
          }
        }
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

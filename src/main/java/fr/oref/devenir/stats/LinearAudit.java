package fr.oref.devenir.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * What an attacker can learn of each hidden count from everything published: the smallest and
 * largest value it can take under every published linear relation (hidden counts ≥ 0, integrality
 * relaxed), by linear programming (ojAlgo's simplex, sparse: commons-math3's dense tableau took
 * minutes per LP on a small campaign's largest component). The hidden counts split into
 * components linked by relations with two hidden terms or more; each component is one LP. The true
 * table is a feasible point, and so is every optimum found: a count whose feasible values already
 * seen span the required width needs no LP of its own, which leaves few to solve.
 */
public final class LinearAudit {
  private static final double TOLERANCE = 1e-6;

  private LinearAudit() {}

  /** {@code Σ terms[x]·x = 0} (equality) or {@code ≤ 0}, over counts by key. */
  public record Relation(Map<String, Double> terms, boolean equality) {}

  /** The values a hidden count can take; {@code high} is infinite when nothing bounds it. */
  public record Interval(String key, double value, double low, double high) {
    public double width() {
      return high - low;
    }
  }

  /** {@code narrowest}: the smallest width found among hidden counts (infinite when none). */
  public record Report(int hidden, int components, int largestComponent, int programs, double narrowest,
      List<Interval> tooNarrow, double seconds) {}

  public static Report run(Map<String, Double> values, Set<String> hidden, List<Relation> relations, double width) {
    long start = System.nanoTime();
    Map<String, String> parent = new HashMap<>();
    hidden.forEach(h -> parent.put(h, h));
    for (Relation r : relations) {
      List<String> terms = r.terms().keySet().stream().filter(hidden::contains).toList();
      for (int i = 1; i < terms.size(); i++) {
        parent.put(root(parent, terms.get(i)), root(parent, terms.get(0)));
      }
    }
    Map<String, List<String>> members = new TreeMap<>();
    hidden.stream().sorted().forEach(h -> members.computeIfAbsent(root(parent, h), k -> new ArrayList<>()).add(h));
    Map<String, List<Relation>> constraints = new HashMap<>();
    for (Relation r : relations) {
      r.terms().keySet().stream().filter(hidden::contains).findFirst()
          .ifPresent(h -> constraints.computeIfAbsent(root(parent, h), k -> new ArrayList<>()).add(r));
    }
    int largest = 0;
    int programs = 0;
    double narrowest = Double.POSITIVE_INFINITY;
    List<Interval> tooNarrow = new ArrayList<>();
    for (Map.Entry<String, List<String>> component : members.entrySet()) {
      List<String> vars = component.getValue();
      largest = Math.max(largest, vars.size());
      Program lp = new Program(vars, constraints.getOrDefault(component.getKey(), List.of()), values);
      double[] low = new double[vars.size()];
      double[] high = new double[vars.size()];
      for (int i = 0; i < vars.size(); i++) {
        low[i] = values.get(vars.get(i));
        high[i] = low[i];
      }
      for (int i = 0; i < vars.size(); i++) {
        for (GoalType goal : new GoalType[] {GoalType.MAXIMIZE, GoalType.MINIMIZE}) {
          if (high[i] - low[i] < width - TOLERANCE) {
            programs++;
            widen(lp.optimum(i, goal), i, low, high);
          }
        }
        Interval interval = new Interval(vars.get(i), values.get(vars.get(i)), low[i], high[i]);
        narrowest = Math.min(narrowest, interval.width());
        if (interval.width() < width - TOLERANCE) {
          tooNarrow.add(interval);
        }
      }
    }
    return new Report(hidden.size(), members.size(), largest, programs, narrowest, tooNarrow,
        (System.nanoTime() - start) / 1e9);
  }

  /** Every count's range grows to the feasible point found; no point means the count is unbounded above. */
  private static void widen(double[] point, int i, double[] low, double[] high) {
    if (point == null) {
      high[i] = Double.POSITIVE_INFINITY;
      return;
    }
    for (int j = 0; j < point.length; j++) {
      low[j] = Math.min(low[j], point[j]);
      high[j] = Math.max(high[j], point[j]);
    }
  }

  private static String root(Map<String, String> parent, String x) {
    String r = x;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    parent.put(x, r);
    return r;
  }

  /** One component's LP: its hidden counts as variables (≥ 0), published counts moved to the constant side. */
  private static final class Program {
    private final ExpressionsBasedModel model = new ExpressionsBasedModel();
    private final List<Variable> variables = new ArrayList<>();

    Program(List<String> vars, List<Relation> relations, Map<String, Double> values) {
      Map<String, Variable> index = new HashMap<>();
      for (String v : vars) {
        Variable x = model.addVariable().lower(0);
        variables.add(x);
        index.put(v, x);
      }
      for (Relation r : relations) {
        double constant = 0;
        Map<Variable, Double> terms = new HashMap<>();
        for (Map.Entry<String, Double> t : r.terms().entrySet()) {
          Variable x = index.get(t.getKey());
          if (x == null) {
            constant -= t.getValue() * values.get(t.getKey());
          } else {
            terms.merge(x, t.getValue(), Double::sum);
          }
        }
        Expression e = model.addExpression();
        terms.forEach(e::set);
        if (r.equality()) {
          e.level(constant);
        } else {
          e.upper(constant);
        }
      }
    }

    double[] optimum(int variable, GoalType goal) {
      variables.get(variable).weight(1);
      Optimisation.Result result = goal == GoalType.MAXIMIZE ? model.maximise() : model.minimise();
      variables.get(variable).weight(0);
      if (result.getState() == Optimisation.State.UNBOUNDED) {
        return null;
      }
      if (!result.getState().isFeasible()) {
        throw new IllegalStateException("Audit du secret : les relations publiées sont incompatibles avec les"
            + " comptages (relation fausse dans data-schemas ?).");
      }
      double[] point = new double[variables.size()];
      for (int i = 0; i < point.length; i++) {
        point[i] = result.doubleValue(i);
      }
      return point;
    }
  }
}

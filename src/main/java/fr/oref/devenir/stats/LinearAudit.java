package fr.oref.devenir.stats;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.lang3.time.StopWatch;

/**
 * What an attacker can learn of each hidden count from everything published: the smallest and
 * largest value it can take under every published linear relation (hidden counts ≥ 0, integrality
 * relaxed), by linear programming with OR-Tools' GLOP. The hidden counts split into components
 * linked by relations with two hidden terms or more; each component is one model, solved again for
 * each count with only the objective changed, so that the simplex restarts from the last basis (a
 * few pivots instead of a full solve: ojAlgo and commons-math3, which start over, took minutes).
 * The true table is a feasible point, and so is every optimum found: a count whose feasible values
 * already seen span the required width needs no LP of its own.
 */
public final class LinearAudit {
  private static final double TOLERANCE = 1e-6;

  static {
    Loader.loadNativeLibraries();
  }

  private LinearAudit() {}

  /** {@code Σ terms[x]·x = 0} (equality) or {@code ≤ 0}, over counts by key. */
  public record Relation(Map<String, Double> terms, boolean equality) {}

  /**
   * The values a hidden count can take; {@code high} is infinite when nothing bounds it. For a count
   * found too narrow, {@code pinnedBy} holds the published counts of the relations binding at its optima
   * (non-zero dual values): hiding one of them is what can widen it.
   */
  public record Interval(String key, double value, double low, double high, Set<String> pinnedBy) {
    public double width() {
      return high - low;
    }
  }

  /** {@code narrowest}: the smallest width found among hidden counts (infinite when none). */
  public record Report(int hidden, int components, int largestComponent, int programs, double narrowest,
      List<Interval> tooNarrow, double seconds) {}

  public static Report run(Map<String, Double> values, Set<String> hidden, List<Relation> relations, double width) {
    StopWatch watch = StopWatch.createStarted();
    relations.forEach(r -> holds(r, values));
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
    // beyond any count of the table: a count this high is as good as unbounded (a cap of the order of
    // the counts keeps the simplex's tolerances meaningful, where 1e9 made GLOP find feasible tables infeasible)
    double cap = 2 * values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) + 10;
    int largest = 0;
    int programs = 0;
    double narrowest = Double.POSITIVE_INFINITY;
    List<Interval> tooNarrow = new ArrayList<>();
    for (Map.Entry<String, List<String>> component : members.entrySet()) {
      List<String> vars = component.getValue();
      largest = Math.max(largest, vars.size());
      Program lp = new Program(vars, constraints.getOrDefault(component.getKey(), List.of()), values, cap);
      try {
        double[] low = new double[vars.size()];
        double[] high = new double[vars.size()];
        Set<String> pinnedBy = new java.util.TreeSet<>();
        for (int i = 0; i < vars.size(); i++) {
          low[i] = values.get(vars.get(i));
          high[i] = low[i];
        }
        for (int i = 0; i < vars.size(); i++) {
          pinnedBy.clear();
          for (boolean maximise : new boolean[] {true, false}) {
            if (high[i] - low[i] < width - TOLERANCE) {
              programs++;
              lp.widen(i, maximise, low, high);
              pinnedBy.addAll(lp.binding());
            }
          }
          Interval interval = new Interval(vars.get(i), values.get(vars.get(i)), low[i], high[i], Set.copyOf(pinnedBy));
          narrowest = Math.min(narrowest, interval.width());
          if (interval.width() < width - TOLERANCE) {
            tooNarrow.add(interval);
          }
        }
      } finally {
        lp.close();
      }
    }
    return new Report(hidden.size(), members.size(), largest, programs, narrowest, tooNarrow,
        watch.getTime() / 1e3);
  }

  /** A relation the true counts break is a wrong contract (data-schemas), not something to audit around. */
  private static void holds(Relation r, Map<String, Double> values) {
    double sum = r.terms().entrySet().stream().mapToDouble(t -> t.getValue() * values.get(t.getKey())).sum();
    if (r.equality() ? Math.abs(sum) > TOLERANCE : sum > TOLERANCE) {
      throw new IllegalStateException("Audit du secret : les comptages ne vérifient pas la relation "
          + r.terms().keySet().stream().sorted().toList() + " (relation fausse dans data-schemas ?).");
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
    private final MPSolver solver = MPSolver.createSolver("GLOP");
    private final List<MPVariable> variables = new ArrayList<>();
    private final List<MPConstraint> constraints = new ArrayList<>();
    private final List<List<String>> published = new ArrayList<>();
    private final double cap;

    Program(List<String> vars, List<Relation> relations, Map<String, Double> values, double cap) {
      this.cap = cap;
      Map<String, MPVariable> index = new HashMap<>();
      for (int i = 0; i < vars.size(); i++) {
        MPVariable x = solver.makeNumVar(0, cap, "x" + i);
        variables.add(x);
        index.put(vars.get(i), x);
      }
      for (Relation r : relations) {
        double constant = 0;
        Map<MPVariable, Double> terms = new HashMap<>();
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, Double> t : r.terms().entrySet()) {
          MPVariable x = index.get(t.getKey());
          if (x == null) {
            constant -= t.getValue() * values.get(t.getKey());
            shown.add(t.getKey());
          } else {
            terms.merge(x, t.getValue(), Double::sum);
          }
        }
        MPConstraint c = solver.makeConstraint(r.equality() ? constant : -MPSolver.infinity(), constant);
        terms.forEach(c::setCoefficient);
        constraints.add(c);
        published.add(shown);
      }
    }

    /** Every count's range grows to the optimum found; an optimum at the cap means the count is unbounded above. */
    void widen(int variable, boolean maximise, double[] low, double[] high) {
      MPObjective objective = solver.objective();
      objective.clear();
      objective.setCoefficient(variables.get(variable), 1);
      objective.setOptimizationDirection(maximise);
      MPSolver.ResultStatus status = solver.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        throw new IllegalStateException("Audit du secret : les relations publiées sont incompatibles avec les"
            + " comptages (relation fausse dans data-schemas ?) — " + status + ".");
      }
      for (int j = 0; j < variables.size(); j++) {
        double v = variables.get(j).solutionValue();
        low[j] = Math.min(low[j], v);
        high[j] = v >= cap - TOLERANCE ? Double.POSITIVE_INFINITY : Math.max(high[j], v);
      }
    }

    /** The published counts of the relations binding at the last optimum. */
    List<String> binding() {
      List<String> out = new ArrayList<>();
      for (int c = 0; c < constraints.size(); c++) {
        if (Math.abs(constraints.get(c).dualValue()) > TOLERANCE) {
          out.addAll(published.get(c));
        }
      }
      return out;
    }

    void close() {
      solver.delete();
    }
  }
}

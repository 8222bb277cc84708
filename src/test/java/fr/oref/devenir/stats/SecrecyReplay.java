package fr.oref.devenir.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.SparkSessions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.lang3.time.StopWatch;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The secrecy decision alone, outside Spark, on the inputs of a closed wave (bench/secrecy.sh): {@code dump}
 * writes a wave's {@link IndicatorsJob.SecrecyInputs} from a lake to a text file once (Spark needed), {@code
 * replay} decides on them (no Spark), printing each round, the time, what is hidden and what the regional
 * page keeps. Figures printed, nothing asserted.
 */
public final class SecrecyReplay {
  private SecrecyReplay() {}

  public static void main(String[] args) throws Exception {
    if ("dump".equals(args[0])) {
      SparkSession spark = SparkSessions.create("secrecy-dump", null, Map.of());
      Lake lake = new Lake(spark, args[1]);
      int cohort = Integer.parseInt(args[2]);
      int wave = Integer.parseInt(args[3]);
      // the counts are numbers of rows: the weights do not change them
      Dataset<Row> outcomes = lake.read(Table.OUTCOMES).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
          .withColumn("weight", lit(1.0));
      List<Row> cells = IndicatorCells.aggregate(Repeaters.withRepeaters(lake, outcomes, cohort, wave),
          IndicatorCatalog.counts(), IndicatorCatalog.dimensions()).collectAsList();
      write(IndicatorsJob.secrecyInputs(lake, cohort, wave, cells), Path.of(args[4]));
      spark.stop();
    } else {
      replay(read(Path.of(args[1])), args.length > 2 ? Integer.parseInt(args[2]) : 20);
    }
  }

  private static void replay(IndicatorsJob.SecrecyInputs in, int threshold) {
    Configurator.setLevel(CountSecrecy.class.getName(), Level.DEBUG);
    Configurator.setLevel(LinearAudit.class.getName(), Level.DEBUG);
    System.out.printf("wave %d: %d counts in %d cells, %d relations, %d counts of the other wave%n", in.wave(),
        in.values().size(), in.cells().size(), in.relations().size(), in.other().values().size());
    StopWatch watch = StopWatch.createStarted();
    CountSecrecy.Outcome outcome = in.decide(threshold);
    long hidden = outcome.hidden().keySet().stream().filter(in.values()::containsKey).count();
    System.out.printf("decided in %.1f s: %d of %d counts hidden (%.1f %%); final audit %d LPs, narrowest %.2f%n",
        watch.getTime() / 1e3, hidden, in.values().size(), 100.0 * hidden / in.values().size(),
        outcome.audit().programs(), outcome.audit().narrowest());
    // what publish does before writing: an audit of the result from scratch, sharing nothing with the decision
    Map<String, Double> all = new HashMap<>(in.values());
    all.putAll(in.other().values());
    watch.reset();
    watch.start();
    LinearAudit.Report again = LinearAudit.run(all, outcome.hidden().keySet(), CountSecrecy.canonical(in.relations()),
        CountSecrecy.required(outcome.hidden(), CountSecrecy.protectionWidth(threshold)));
    System.out.printf("audited again from scratch in %.1f s: %d LPs, %d short, narrowest %.2f%n", watch.getTime() / 1e3,
        again.programs(), again.tooNarrow().size(), again.narrowest());
    Map<Integer, int[]> byPriority = new HashMap<>();
    for (String cell : in.cells()) {
      int priority = PublicSecrecy.priority(CountRelations.key(in.wave(), cell, "panel"));
      for (IndicatorCatalog.Indicator i : IndicatorCatalog.published()) {
        int[] rows = byPriority.computeIfAbsent(priority, p -> new int[3]);
        rows[0]++;
        rows[1] += PublicSecrecy.rowReason(outcome.hidden(), in.wave(), cell, i) == null ? 0 : 1;
        rows[2] += "employment_rate".equals(i.name())
            && PublicSecrecy.rowReason(outcome.hidden(), in.wave(), cell, i) == null ? 1 : 0;
      }
    }
    byPriority.forEach((p, rows) -> System.out.printf("priority %d: %d rows, %.1f %% suppressed, %d employment rates"
        + " published%n", p, rows[0], 100.0 * rows[1] / rows[0], rows[2]));
  }

  private static void write(IndicatorsJob.SecrecyInputs in, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("wave\t" + in.wave() + "\n");
      for (Map.Entry<String, Double> v : in.values().entrySet()) {
        w.write("value\t" + v.getKey() + "\t" + v.getValue() + "\n");
      }
      for (String c : in.cells()) {
        w.write("cell\t" + c + "\n");
      }
      for (Map.Entry<String, Double> v : in.other().values().entrySet()) {
        w.write("other\t" + v.getKey() + "\t" + v.getValue() + "\n");
      }
      for (Map.Entry<String, String> h : in.other().hidden().entrySet()) {
        w.write("hidden\t" + h.getKey() + "\t" + h.getValue() + "\n");
      }
      for (LinearAudit.Relation r : in.relations()) {
        StringBuilder line = new StringBuilder(r.equality() ? "equal" : "atMost");
        r.terms().forEach((k, a) -> line.append('\t').append(k).append('\t').append(a));
        w.write(line + "\n");
      }
    }
  }

  private static IndicatorsJob.SecrecyInputs read(Path file) throws IOException {
    int wave = 0;
    Map<String, Double> values = new HashMap<>();
    Set<String> cells = new HashSet<>();
    Map<String, Double> other = new HashMap<>();
    Map<String, String> hidden = new HashMap<>();
    List<LinearAudit.Relation> relations = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        switch (f[0]) {
          case "wave" -> wave = Integer.parseInt(f[1]);
          case "value" -> values.put(f[1], Double.parseDouble(f[2]));
          case "cell" -> cells.add(f[1]);
          case "other" -> other.put(f[1], Double.parseDouble(f[2]));
          case "hidden" -> hidden.put(f[1], f[2]);
          default -> {
            Map<String, Double> terms = new HashMap<>();
            for (int i = 1; i < f.length; i += 2) {
              terms.put(f[i], Double.parseDouble(f[i + 1]));
            }
            relations.add(new LinearAudit.Relation(terms, "equal".equals(f[0])));
          }
        }
      }
    }
    return new IndicatorsJob.SecrecyInputs(wave, values, cells, new PublicSecrecy.Counts(other, hidden), relations);
  }
}

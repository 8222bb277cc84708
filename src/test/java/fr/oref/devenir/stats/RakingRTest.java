package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java raking against R's survey::rake on the same fixture (Debian r-cran-survey, installed by .ci/run). */
class RakingRTest {
  private static final String[] VARIABLES = {"a", "b", "c"};

  @Test
  void javaWeightsEqualSurveyRake(@TempDir Path dir) throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    assumeTrue(ci || new File("/usr/bin/Rscript").canExecute(), "R is not installed (.ci/run installs it)");
    Random random = new Random(11);
    int n = 60;
    Map<String, String[]> categories = new HashMap<>();
    for (String v : VARIABLES) {
      categories.put(v, new String[n]);
    }
    double[] w = new double[n];
    StringBuilder csv = new StringBuilder("a,b,c,w\n");
    for (int i = 0; i < n; i++) {
      categories.get("a")[i] = "a" + (i % 3);
      categories.get("b")[i] = "b" + random.nextInt(2);
      categories.get("c")[i] = "c" + (random.nextDouble() < 0.4 ? 0 : 1);
      w[i] = 1 + random.nextInt(3);
      csv.append(categories.get("a")[i]).append(',').append(categories.get("b")[i]).append(',')
          .append(categories.get("c")[i]).append(',').append(w[i]).append('\n');
    }
    Map<String, Map<String, Double>> targets = Map.of(
        "a", Map.of("a0", 50.0, "a1", 70.0, "a2", 80.0),
        "b", Map.of("b0", 90.0, "b1", 110.0),
        "c", Map.of("c0", 60.0, "c1", 140.0));
    Files.writeString(dir.resolve("fixture.csv"), csv, StandardCharsets.UTF_8);
    StringBuilder r = new StringBuilder("suppressMessages(library(survey))\n")
        .append("d <- read.csv('").append(dir.resolve("fixture.csv")).append("', stringsAsFactors = TRUE)\n")
        .append("des <- svydesign(ids = ~1, weights = ~w, data = d)\n");
    List<String> pops = new ArrayList<>();
    for (String v : VARIABLES) {
      Map<String, Double> t = new TreeMap<>(targets.get(v));
      r.append("p").append(v).append(" <- data.frame(").append(v).append(" = c('")
          .append(String.join("','", t.keySet())).append("'), Freq = c(")
          .append(String.join(",", t.values().stream().map(String::valueOf).toList())).append("))\n");
      pops.add("p" + v);
    }
    r.append("r <- rake(des, list(~a, ~b, ~c), list(").append(String.join(", ", pops))
        .append("), control = list(maxit = 1000, epsilon = 1e-12))\n")
        .append("writeLines(format(weights(r), digits = 17), '").append(dir.resolve("r.txt")).append("')\n");
    Files.writeString(dir.resolve("rake.R"), r, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("Rscript", dir.resolve("rake.R").toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    List<String> expected = Files.readAllLines(dir.resolve("r.txt"));

    Raking.Result java = new Raking().minRespondents(1).trimming(1e-6, 1e6).tolerance(1e-13).maxIterations(10_000)
        .rake(categories, targets, w);
    for (int i = 0; i < n; i++) {
      assertEquals(Double.parseDouble(expected.get(i).trim()), java.weights()[i], 1e-6, "respondent " + i);
    }
  }
}

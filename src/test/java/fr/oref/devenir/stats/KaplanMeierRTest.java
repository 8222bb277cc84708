package fr.oref.devenir.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Medians of months to first job and their 95 % bounds against R's survival::survfit (default
 * conf.type, "log") on fixtures shaped like a wave: monthly durations, most censoring at the
 * reference month, raking-like weights. Raw: unit weights (Greenwood); weighted: survfit's default
 * for non-integer weights (infinitesimal jackknife), which {@link KaplanMeier#weighted} must reproduce.
 */
class KaplanMeierRTest {
  private static final int[] SIZES = {25, 40, 60, 90, 150, 300};

  @Test
  void mediansAndBoundsEqualSurvfit(@TempDir Path dir) throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    assumeTrue(ci || new File("/usr/bin/Rscript").canExecute(), "R is not installed (.ci/run installs it)");
    Random random = new Random(2022);
    List<List<KaplanMeier.Observation>> fixtures = new ArrayList<>();
    StringBuilder csv = new StringBuilder("g,m,e,w\n");
    for (int g = 0; g < SIZES.length; g++) {
      List<KaplanMeier.Observation> obs = new ArrayList<>();
      for (int i = 0; i < SIZES[g]; i++) {
        boolean event = random.nextDouble() < 0.55 + 0.05 * g;
        int months = event ? random.nextInt(10) : (random.nextDouble() < 0.85 ? 9 : random.nextInt(9));
        double weight = 0.4 + 3 * random.nextDouble() * random.nextDouble();
        obs.add(new KaplanMeier.Observation(months, event, weight));
        csv.append(g).append(',').append(months).append(',').append(event ? 1 : 0).append(',').append(weight).append('\n');
      }
      fixtures.add(obs);
    }
    Files.writeString(dir.resolve("km.csv"), csv, StandardCharsets.UTF_8);
    String script = "suppressMessages(library(survival))\n"
        + "d <- read.csv('" + dir.resolve("km.csv") + "')\n"
        + "q <- function(fit) { stopifnot(fit$conf.type == 'log'); s <- summary(fit)$table;"
        + " unname(s[c('median', '0.95LCL', '0.95UCL')]) }\n"
        + "out <- c()\n"
        + "for (g in sort(unique(d$g))) { x <- d[d$g == g, ]\n"
        + "  out <- c(out, paste(c(q(survfit(Surv(m, e) ~ 1, data = x)),"
        + " q(survfit(Surv(m, e) ~ 1, data = x, weights = w))), collapse = ' ')) }\n"
        + "writeLines(out, '" + dir.resolve("r.txt") + "')\n";
    Files.writeString(dir.resolve("km.R"), script, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("Rscript", dir.resolve("km.R").toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    List<String> expected = Files.readAllLines(dir.resolve("r.txt"));
    int bounded = 0;
    for (int g = 0; g < SIZES.length; g++) {
      String[] r = expected.get(g).trim().split(" ");
      List<KaplanMeier.Observation> unit = fixtures.get(g).stream()
          .map(o -> new KaplanMeier.Observation(o.months(), o.event(), 1.0)).toList();
      KaplanMeier raw = new KaplanMeier(unit);
      KaplanMeier weighted = KaplanMeier.weighted(fixtures.get(g));
      String[] java = {text(raw.median()), text(raw.medianLower()), text(raw.medianUpper()),
          text(weighted.median()), text(weighted.medianLower()), text(weighted.medianUpper())};
      for (int k = 0; k < 6; k++) {
        assertEquals(r[k], java[k], "fixture " + g + " (n = " + SIZES[g] + "), figure " + k + ": " + expected.get(g));
        bounded += r[k].equals("NA") ? 0 : 1;
      }
    }
    assertTrue(bounded >= 24, "most fixtures have a median and both bounds: " + expected);
  }

  /** R's way of printing a whole number of months, or NA. */
  private static String text(Optional<Integer> months) {
    return months.map(String::valueOf).orElse("NA");
  }
}

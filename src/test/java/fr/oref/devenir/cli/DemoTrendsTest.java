package fr.oref.devenir.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.LogCapture;
import fr.oref.devenir.publish.Notebooks;
import fr.oref.devenir.publish.PublishJob;
import fr.oref.devenir.testing.CliRun;
import fr.oref.devenir.testing.SharedSpark;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second, smaller cohort published after the demo's, in a copy of its lake and publications (the
 * other classes keep reading the demo as it was): the trends notebook draws both cohorts and checks
 * each point against its cohort's figures, and publish counts its CFA bundles on a terminal only.
 */
class DemoTrendsTest {
  private static final int LATER = 2023;
  private static Path root;
  private static CliRun demo;
  private static String log;

  @BeforeAll
  static void aSecondCohortAfterTheDemos() throws Exception {
    DemoRun.ensure();
    root = DemoRun.temporaryFolder("devenir-trends");
    DemoRun.copy(DemoRun.dir.resolve("lake"), root.resolve("lake"));
    DemoRun.copy(DemoRun.publication.getParent(), root.resolve("out/publication"));
    // the launcher's configuration logs the phases; the tests' keeps the console quiet
    Configurator.setLevel(Progress.class.getName(), Level.INFO);
    try (LogCapture capture = LogCapture.start()) {
      demo = CliRun.of("demo", "--master", "local[2]", "--lake", root.resolve("lake").toString(), "--out",
          root.resolve("out").toString(), "--cohort", String.valueOf(LATER), "--cfas", "3", "--leavers", "300");
      log = capture.text();
    } finally {
      Configurator.setLevel(Progress.class.getName(), Level.WARN);
    }
    assertEquals(0, demo.code(), demo.out() + demo.err());
  }

  private static void assumeJupyter() {
    // .ci/run installs Debian's jupyter-nbconvert, r-cran-irkernel, python3-pandas and python3-matplotlib
    assumeTrue(new File("/usr/bin/jupyter").canExecute() || System.getenv("CI") != null, "jupyter is not installed");
  }

  @Test
  void theTrendsNotebookDrawsBothCohortsEachAtItsPublishedFigure() throws Exception {
    assumeJupyter();
    Matcher changes = Pattern.compile("(\\d+) évolutions par rapport à la cohorte " + (LATER - 1)).matcher(demo.out());
    assertTrue(changes.find() && Integer.parseInt(changes.group(1)) > 0, demo.out());
    String html = Files.readString(root.resolve("out/publication/C" + LATER + "_V2").resolve(Notebooks.FOLDER)
        .resolve("tendances_transitions.html"));
    assertTrue(Pattern.compile("<th>taux</th>\\s*<th>" + (LATER - 1) + "</th>\\s*<th>" + LATER + "</th>").matcher(html)
        .find(), "one column per cohort");
    // the trend's table: wave, rate, both cohorts' weighted regional rate (%), change, check
    Matcher rows = Pattern.compile("<td>([12])</td>\\s*<td>(\\w+)</td>\\s*<td>([-\\d.]+)</td>\\s*<td>([-\\d.]+)</td>"
        + "\\s*<td>[-\\d.]+</td>\\s*<td>OK</td>").matcher(html);
    Lake lake = new Lake(SharedSpark.session(), root.resolve("lake").toString());
    List<String> drawn = new ArrayList<>();
    while (rows.find()) {
      for (int cohort : List.of(LATER - 1, LATER)) {
        Row gold = lake.read(Table.INDICATORS).filter(col("cohort").equalTo(cohort)
            .and(col("wave").equalTo(Integer.parseInt(rows.group(1)))).and(col("weighting").equalTo("weighted"))
            .and(col("dimension").equalTo("region")).and(col("indicator").equalTo(rows.group(2)))).first();
        double shown = Double.parseDouble(rows.group(cohort == LATER ? 4 : 3));
        assertEquals(100 * gold.<Double>getAs("value"), shown, 0.05 + 1e-9, rows.group() + " " + cohort);
      }
      drawn.add(rows.group(1) + " " + rows.group(2));
    }
    assertEquals(8, drawn.size(), "four rates of each wave: " + drawn);
  }

  @Test
  void aTrendPointThatIsNotItsCohortsFigureFailsTheNotebook() throws Exception {
    assumeJupyter();
    Path copy = root.resolve("altered");
    DemoRun.copy(root.resolve("out/publication"), copy);
    // the later cohort's open data labelled as the earlier one: each extract still gives back its own file
    Path openData = copy.resolve("C" + LATER + "_V2/region/indicateurs_C" + LATER + "_V2_opendata.csv");
    Files.write(openData, Files.readAllLines(openData).stream().map(l -> l.replaceFirst("^" + LATER + ";", (LATER - 1) + ";"))
        .toList());
    Notebooks.Result r = Notebooks.render(copy.toString(), copy.resolve("C" + LATER + "_V2").toString());
    assertEquals(1, r.failures().size(), r.toString());
    assertTrue(r.failures().get(0).startsWith("tendances_transitions.ipynb : ") && r.failures().get(0)
        .contains("tendance : plusieurs chiffres publiés pour une même cohorte"), r.failures().get(0));
  }

  @Test
  void publishCountsItsCfaBundlesOnATerminalAndLogsOnlyItsPhasesElsewhere() throws Exception {
    // the demo's commands ran without a terminal: one log line per phase and publish, no bundle counted
    List<String> bundlePhase = log.lines().filter(l -> l.contains(Progress.class.getName())
        && l.contains("publish : " + PublishJob.BUNDLES)).toList();
    assertEquals(2, bundlePhase.size(), "one line per wave published: " + bundlePhase);
    assertTrue(bundlePhase.stream().allMatch(l -> l.endsWith(PublishJob.BUNDLES)), bundlePhase.toString());
    assertFalse(demo.err().contains(PublishJob.BUNDLES), demo.err());

    StringWriter screen = new StringWriter();
    PublishJob.Result r;
    try (Progress progress = new Progress("publish", new PrintWriter(screen))) {
      r = PublishJob.run(SharedSpark.session(), root.resolve("lake").toString(), LATER, 1,
          root.resolve("again").toString(), 5, false, progress.steps(PublishJob.BUNDLES));
    }
    assertTrue(r.bundles() > 1, "several CFAs: " + r.bundles());
    for (int done = 1; done <= r.bundles(); done++) {
      assertTrue(screen.toString().contains("\rpublish : " + PublishJob.BUNDLES + " " + done + "/" + r.bundles()),
          done + " " + screen.toString().replace("\r", "\\r"));
    }
  }
}

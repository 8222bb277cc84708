package fr.oref.devenir.cli;

import static fr.oref.devenir.cli.DemoRun.dir;
import static fr.oref.devenir.cli.DemoRun.output;
import static fr.oref.devenir.cli.DemoRun.publication;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.oref.devenir.publish.Notebooks;
import fr.oref.devenir.publish.RespondentExtract;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's notebooks: run by publish on each wave's publication, and failing on a figure they disagree with. */
class DemoNotebooksTest {
  @BeforeAll
  static void runTheDemo() throws Exception {
    DemoRun.ensure();
  }

  @Test
  void theNotebooksRanOnThePublicationAndAgreeWithIt() throws Exception {
    // .ci/run installs Debian's jupyter-nbconvert, r-cran-irkernel, python3-pandas and python3-matplotlib
    assumeTrue(new File("/usr/bin/jupyter").canExecute() || System.getenv("CI") != null, "jupyter is not installed");
    for (String wave : List.of("C2022_V1", "C2022_V2")) {
      Path carnets = publication.resolveSibling(wave).resolve(Notebooks.FOLDER);
      // the checks' printed table: every line OK (the notebook stops at the first disagreement anyway)
      Matcher checks = Pattern.compile("\\n +([^\\n]+?) +(OK|ÉCART)(?=\\n)")
          .matcher(Files.readString(carnets.resolve("survey_recalcul.html")));
      List<String> verdicts = new ArrayList<>();
      while (checks.find()) {
        verdicts.add(checks.group(1) + " " + checks.group(2));
      }
      assertEquals(8, verdicts.size(), wave + " " + verdicts);
      assertTrue(verdicts.stream().allMatch(v -> v.endsWith(" OK")), wave + " " + verdicts);
      assertTrue(Files.readString(carnets.resolve("tendances_transitions.html")).contains("<td>OK</td>"), wave);
    }
    assertTrue(output.contains("carnets (HTML, réservés à l'observatoire)"), output);
  }

  @Test
  void aNotebookWhoseCrossCheckDisagreesWithThePublicationFails() throws Exception {
    assumeTrue(new File("/usr/bin/jupyter").canExecute() || System.getenv("CI") != null, "jupyter is not installed");
    Path copy = dir.resolve("altered");
    Path wave = copy.resolve("C2022_V2");
    Files.createDirectories(wave.resolve("observatoire"));
    Files.copy(publication.resolve(RespondentExtract.file(2022, 2)), wave.resolve(RespondentExtract.file(2022, 2)));
    Path openData = wave.resolve("region/indicateurs_C2022_V2_opendata.csv");
    Files.createDirectories(openData.getParent());
    // the published weighted employment rate, one point off
    String weighted = "2022;2;weighted;region;ALL;employment_rate;";
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(publication.resolve("region/indicateurs_C2022_V2_opendata.csv"))) {
      String[] f = line.split(";", -1);
      if (line.startsWith(weighted)) {
        f[8] = String.valueOf(Double.parseDouble(f[8]) + 0.01);
      }
      lines.add(String.join(";", f));
    }
    Files.write(openData, lines);
    Notebooks.Result r = Notebooks.render(copy.toString(), wave.toString());
    assertEquals(2, r.failures().size(), r.toString());
    assertTrue(r.failures().get(0).startsWith("survey_recalcul.ipynb : ") && r.failures().get(0)
        .contains("taux redressé publié = estimation de survey"), r.failures().get(0));
    assertTrue(r.failures().get(1).startsWith("tendances_transitions.ipynb : ") && r.failures().get(1)
        .contains("employment_rate"), r.failures().get(1));
    assertTrue(r.rendered().isEmpty(), "no HTML for a notebook that failed");
  }
}

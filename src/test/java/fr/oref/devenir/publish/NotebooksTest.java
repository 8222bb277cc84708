package fr.oref.devenir.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Where the notebooks can run, and what a failure says (executed on the demo: DemoCampaignTest). */
class NotebooksTest {
  @Test
  void onlyALocalPublicationIsGivenToJupyter() throws Exception {
    assertEquals(Path.of("/srv/out/pub"), Notebooks.local("file:/srv/out/pub"));
    assertEquals(Path.of("out/pub").toAbsolutePath(), Notebooks.local("out/pub"));
    assertNull(Notebooks.local("hdfs://namenode/oref/pub"));
    Notebooks.Result r = Notebooks.render("s3a://oref/pub", "s3a://oref/pub/C2022_V1");
    assertEquals("publication hors du disque local", r.skipped());
    assertTrue(r.rendered().isEmpty() && r.failures().isEmpty());
  }

  @Test
  void aFailureIsToldByItsLastLineWithoutTerminalColours() {
    String nbconvert = "Traceback:\n\u001B[0;31mAssertionError\u001B[0m: (2022, 2, 'employment_rate')\n\n";
    assertEquals("AssertionError: (2022, 2, 'employment_rate')", Notebooks.lastLine(nbconvert));
    assertEquals(201, Notebooks.lastLine("x".repeat(500)).length());
  }

  /** The level of their intervals comes from data-schemas/parameters.csv, as the published methods' does. */
  @Test
  void theNotebooksStateNoConfidenceLevelOfTheirOwn() throws Exception {
    Pattern level = Pattern.compile("9[05] ?%|0[.]9[0-9]|0[.]975|1[.]96");
    for (String name : List.of("survey_recalcul.ipynb", "tendances_transitions.ipynb")) {
      String notebook = Files.readString(Path.of("notebooks", name));
      assertTrue(notebook.contains("parameters.csv"), name + " reads the configuration");
      assertTrue(level.matcher(notebook).results().findAny().isEmpty(),
          name + " states a level of its own: " + level.matcher(notebook).results().map(m -> m.group()).toList());
    }
  }
}

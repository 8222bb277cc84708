package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.privacy.LogCapture;
import fr.oref.devenir.publish.PublishJob;
import fr.oref.devenir.testing.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A terminal gets one line rewritten in place; a log (Airflow's) gets one line per phase and no more. */
class ProgressTest {
  private final StringWriter screen = new StringWriter();
  private LogCapture log;

  @BeforeEach
  void logPhases() {
    // the launcher's configuration lets these lines through; the tests' keeps the console quiet
    Configurator.setLevel(Progress.class.getName(), Level.INFO);
    log = LogCapture.start();
  }

  @AfterEach
  void quiet() {
    log.close();
    Configurator.setLevel(Progress.class.getName(), Level.WARN);
  }

  private static List<String> progressLines(String text) {
    return text.lines().filter(l -> l.contains(Progress.class.getName())).toList();
  }

  @Test
  void onATerminalOneLineIsRewrittenAndClearedAtTheEnd() {
    try (Progress progress = new Progress("ingest-leavers", new PrintWriter(screen))) {
      progress.phase("lecture des fichiers");
      progress.step(1, 3);
      progress.step(3, 3);
      progress.phase("rapports de validation");
    }
    String drawn = screen.toString();
    assertTrue(drawn.contains("\ringest-leavers : lecture des fichiers 3/3"), drawn);
    assertTrue(drawn.contains("\ringest-leavers : rapports de validation…"), drawn);
    assertFalse(drawn.contains("\n"), "rewritten in place, never scrolled");
    assertTrue(drawn.contains("\ringest-leavers : rapports de validation… \r"), "padded over the longer line before it");
    assertTrue(drawn.endsWith("\r" + " ".repeat("ingest-leavers : rapports de validation…".length()) + "\r"),
        "cleared before the command prints its summary: " + drawn.replace("\r", "\\r"));
    assertEquals(List.of(), progressLines(log.text()), "nothing logged while a person watches");
  }

  @Test
  void withoutATerminalEachPhaseIsOneLogLineAndStepsAreSilent() {
    try (Progress progress = new Progress("publish", null)) {
      progress.phase("chiffres clés régionaux");
      progress.step(1, 12);
      progress.phase("chiffres clés régionaux");
      progress.phase("dossiers restreints des CFA");
      progress.step(12, 12);
    }
    assertEquals(List.of("INFO " + Progress.class.getName() + ": publish : chiffres clés régionaux",
        "INFO " + Progress.class.getName() + ": publish : dossiers restreints des CFA"), progressLines(log.text()));
  }

  @Test
  void publishBundlesAreCountedOnATerminalOnly() {
    try (Progress progress = new Progress("publish", new PrintWriter(screen))) {
      PublishJob.Steps bundles = progress.steps(PublishJob.BUNDLES);
      bundles.done(1, 12);
      bundles.done(12, 12);
    }
    assertTrue(screen.toString().contains("\rpublish : dossiers restreints des CFA 1/12"), screen.toString());
    assertTrue(screen.toString().contains("\rpublish : dossiers restreints des CFA 12/12"), screen.toString());
    try (Progress progress = new Progress("publish", null)) {
      progress.steps(PublishJob.BUNDLES).done(1, 12);
    }
    assertEquals(List.of(), progressLines(log.text()), "the log has the phase from Spark's job description, not per CFA");
  }

  @Test
  void theDescriptionsDeltaWritesAroundAPhaseAreNotPhases() {
    // as Delta 3.3 writes them around publish's phase, in the order seen in a demo's log
    for (String delta : List.of("Delta: Filtering files for query", "Delta: chiffres clés régionaux: Filtering files for query",
        "dossiers restreints des CFA - MERGE operation - materialize source",
        "Delta: dossiers restreints des CFA - MERGE operation - scanning files for matches: Compute snapshot for version: 18",
        "Delta: dossiers restreints des CFA: Writing modified data - MERGE operation - Rewriting 2 files",
        "MERGE operation - scanning files for matches")) {
      assertEquals(null, Progress.phaseOf(delta), delta);
    }
    assertEquals("dossiers restreints des CFA", Progress.phaseOf("dossiers restreints des CFA"));
  }

  @Test
  void sparkTasksOfTheNamedPhaseAreCountedAsTheyEnd() throws Exception {
    SparkContext spark = SharedSpark.session().sparkContext();
    Progress progress = new Progress("ingest-leavers", new PrintWriter(screen));
    spark.addSparkListener(progress);
    try {
      spark.setJobDescription("lecture des fichiers");
      JavaSparkContext.fromSparkContext(spark).parallelize(List.of("a.xlsx", "b.csv", "c.xlsx"), 3).count();
      spark.listenerBus().waitUntilEmpty();
    } finally {
      progress.close();
      spark.setJobDescription(null);
    }
    String drawn = screen.toString();
    assertTrue(drawn.contains("ingest-leavers : lecture des fichiers…"), drawn);
    assertTrue(drawn.contains("ingest-leavers : lecture des fichiers 3/3"), drawn);
  }
}

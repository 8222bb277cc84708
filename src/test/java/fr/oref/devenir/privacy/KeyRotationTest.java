package fr.oref.devenir.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.campaign.IngestLeaversStep;
import fr.oref.devenir.cli.Devenir;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.survey.PanelJob;
import fr.oref.devenir.testing.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The lake's key: recorded by fingerprint, another key refused, the demo key refused, rotation on purpose. */
class KeyRotationTest {
  static final Pseudonymizer K1 = new Pseudonymizer("first-key-of-the-observatory");
  static final Pseudonymizer K2 = new Pseudonymizer("second-key-after-rotation");

  final SparkSession spark = SharedSpark.session();

  void ingest(Lake lake, Path in, Pseudonymizer key) throws Exception {
    KeyRegister.check(lake, key, false);
    IngestLeaversStep.run(spark, lake.root(), HostileCampaign.COHORT, List.of(in.toString()), key,
        fr.oref.devenir.ingest.ReadLimits.DEFAULT, null);
  }

  static Map<String, String> idsByKey(Lake lake) {
    return lake.read(Table.LEAVERS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("leaver_key"), r -> r.<String>getAs("leaver_id")));
  }

  @Test
  void theFingerprintNamesTheKeyWithoutRevealingIt() {
    assertEquals(K1.fingerprint(), new Pseudonymizer("first-key-of-the-observatory").fingerprint());
    assertNotEquals(K1.fingerprint(), K2.fingerprint());
    assertFalse(K1.fingerprint().contains("first-key"));
    assertTrue(Pseudonymizer.fromEnvironment(null).isDemo() || System.getenv(Pseudonymizer.KEY_ENV) != null);
  }

  @Test
  void rotateKeyReadsTheNewKeyFromTheVariableNamedAndSaysWhenItIsMissing(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cli = Devenir.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertEquals(1, cli.execute("rotate-key", "--master", "local[2]", "--allow-demo-key", "--lake",
        dir.resolve("lake").toString(), "--new-key-env", "DEVENIR_NO_SUCH_VARIABLE"));
    assertTrue(err.toString().contains("DEVENIR_NO_SUCH_VARIABLE est vide ou absente"), err.toString());
    assertEquals(1, err.toString().lines().filter(l -> !l.startsWith("ATTENTION")).count(), err.toString());
  }

  @Test
  void anotherKeyAndTheDemoKeyAreRefusedAndARotationReKeysConsistently(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    HostileCampaign.writeLeavers(in);
    Lake lake = new Lake(spark, dir.resolve("lake").toString());
    ingest(lake, in, K1);
    Map<String, String> before = idsByKey(lake);
    assertEquals(5, before.size());

    IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> KeyRegister.check(lake, K2, false));
    assertTrue(wrong.getMessage().contains("n'est pas celle du lac") && wrong.getMessage().contains("rotate-key"),
        wrong.getMessage());
    Pseudonymizer demo = new Pseudonymizer(Pseudonymizer.DEMO_KEY);
    assertTrue(assertThrows(IllegalStateException.class, () -> KeyRegister.check(lake, demo, false)).getMessage()
        .contains("--allow-demo-key"));
    assertThrows(IllegalStateException.class, () -> KeyRegister.check(lake, demo, true), "allowed, but not this lake's key");

    StringWriter err = new StringWriter();
    CommandLine cli = Devenir.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertEquals(1, cli.execute("panel", "--master", "local[2]", "--allow-demo-key", "--lake", lake.root(),
        "--cohort", "2022", "--wave", "1", "--out", dir.resolve("p").toString()));
    assertTrue(err.toString().contains("n'est pas celle du lac"), err.toString());
    assertEquals(1, err.toString().lines().count(), "one line: " + err);
    assertFalse(lake.exists(Table.PANEL), "refused before doing anything");

    // a wave's weights (gold.weights, written by indicators) hold the leaver key too
    lake.append(Table.WEIGHTS, lake.read(Table.LEAVERS).selectExpr("cohort", "1 AS wave", "leaver_key", "1.5 AS weight"));

    assertEquals(5, KeyRotation.run(spark, lake.root(), K1, K2));
    Map<String, String> after = idsByKey(lake);
    assertEquals(5, after.size());
    assertTrue(after.keySet().stream().noneMatch(before::containsKey), "every leaver key changed");
    after.forEach((key, id) -> assertEquals(K2.surveyId(HostileCampaign.COHORT, key), id, "ID_SEINE follows the new key"));
    assertEquals(after.keySet(), lake.read(Table.CONTACTS).collectAsList().stream()
        .map(r -> r.<String>getAs("leaver_key")).collect(Collectors.toSet()), "contacts re-keyed alike");
    assertEquals(after.keySet(), lake.read(Table.WEIGHTS).collectAsList().stream()
        .map(r -> r.<String>getAs("leaver_key")).collect(Collectors.toSet()), "weights re-keyed alike");
    KeyRegister.check(lake, K2, false);
    assertThrows(IllegalStateException.class, () -> KeyRegister.check(lake, K1, false), "the old key is refused now");

    ingest(lake, in, K2);
    assertEquals(after, idsByKey(lake), "the next ingest under the new key finds the same leavers");

    PanelJob.run(spark, lake.root(), HostileCampaign.COHORT, 1, dir.resolve("panel").toString());
    Pseudonymizer k3 = new Pseudonymizer("third-key-never-used-here");
    IllegalStateException open = assertThrows(IllegalStateException.class, () -> KeyRotation.run(spark, lake.root(), K2, k3));
    assertTrue(open.getMessage().contains("enquête de la cohorte 2022 est en cours"), open.getMessage());
    List<Row> keys = lake.read(Table.PSEUDONYMISATION_KEYS).orderBy("recorded_at").collectAsList();
    assertEquals(List.of("first_use", "rotation"), keys.stream().map(r -> r.<String>getAs("reason")).toList());
  }
}

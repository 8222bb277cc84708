package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.publish.RespondentExtract;
import fr.oref.devenir.testing.CliRun;
import fr.oref.devenir.testing.LakeContent;
import fr.oref.devenir.testing.SharedSpark;
import fr.oref.devenir.text.Csv;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs of a wave run again in the orders a person or a DAG could run them: publish before
 * indicators refuses, saying what to run first, and writes nothing; indicators twice, and close-wave
 * after indicators, leave every table as the straight run left it (one writer per table: closing the
 * wave again cannot wipe what indicators derived from it), and the publication that follows carries
 * every respondent's weight.
 */
class RerunOrderTest {
  private static final String WAVE = "1";

  @TempDir Path dir;

  @Test
  void aWaveRerunInAnyOrderEndsAsTheStraightRunOrTheCommandSaysWhatToRunFirst() throws Exception {
    SharedSpark.session();
    Path sample = dir.resolve("sample");
    succeeds("sample", "--out", sample.toString(), "--cohort", "2022", "--cfas", "3", "--leavers", "200", "--seed", "5");
    // the files the sample makes unreadable on purpose fail ingest-leavers (tested elsewhere)
    for (String refused : List.of("sortants_export.xlsx", "sortants_protege.xlsx", "sortants_vide.xlsx")) {
      Files.delete(sample.resolve("leavers").resolve(refused));
    }
    onLake("init");
    onLake("ingest-leavers", "--cohort", "2022", "--reports", dir.resolve("reports").toString(),
        sample.resolve("leavers").toString());
    onLake("panel", "--cohort", "2022", "--wave", WAVE, "--out", dir.resolve("panel").toString());
    onLake("ingest-responses", "--cohort", "2022", "--wave", WAVE, "--calls", dir.resolve("calls").toString(),
        sample.resolve("survey/export_C2022_V1.csv").toString());
    onLake("close-wave", "--cohort", "2022", "--wave", WAVE, "--out", dir.resolve("closure").toString());
    Lake lake = new Lake(SharedSpark.session(), dir.resolve("lake").toString());

    Map<Table, Long> closed = versions(lake);
    Path publication = dir.resolve("pub");
    CliRun early = CliRun.of(lakeArgs("publish", "--cohort", "2022", "--wave", WAVE, "--out", publication.toString()));
    List<String> said = early.err().lines().filter(l -> !l.startsWith("ATTENTION")).toList();
    // every order is tried and every failure reported together: a defect cannot hide another
    List<String> failures = new ArrayList<>();
    expect(failures, early.code() == 1 && said.size() == 1 && said.get(0).contains("lancez d'abord « devenir indicators »"),
        "publish before indicators must exit 1 with one line saying to run indicators first: " + early.err());
    expect(failures, !Files.exists(publication), "publish before indicators writes no file, not even aside");
    expect(failures, closed.equals(versions(lake)), "publish before indicators commits to no table");

    CliRun indicators = onLake("indicators", "--cohort", "2022", "--wave", WAVE);
    indicators.out().lines().filter(l -> l.startsWith("Durées")).forEach(System.out::println);
    Map<Table, List<String>> straight = LakeContent.of(lake, LakeContent.RUN_TIMES);
    assertFalse(straight.get(Table.INDICATORS).isEmpty());

    onLake("indicators", "--cohort", "2022", "--wave", WAVE);
    String twice = LakeContent.differences(straight, LakeContent.of(lake, LakeContent.RUN_TIMES));
    expect(failures, twice.isEmpty(), "indicators twice must leave the tables of one run: " + twice);

    onLake("close-wave", "--cohort", "2022", "--wave", WAVE, "--out", dir.resolve("closure").toString());
    String reclosed = LakeContent.differences(straight, LakeContent.of(lake, LakeContent.RUN_TIMES));
    expect(failures, reclosed.isEmpty(),
        "close-wave after indicators must keep the weights and indicators of the straight run: " + reclosed);
    assertTrue(failures.isEmpty(), String.join("\n", failures));

    onLake("publish", "--cohort", "2022", "--wave", WAVE, "--out", publication.toString());
    List<Map<String, String>> extract;
    try (InputStream in = Files.newInputStream(publication.resolve("C2022_V1").resolve(RespondentExtract.file(2022, 1)))) {
      extract = Csv.readMaps(in);
    }
    List<Double> weights = extract.stream().map(r -> r.get("weight")).filter(w -> !w.isEmpty()).map(Double::valueOf)
        .toList();
    assertEquals(lake.read(Table.WEIGHTS).count(), weights.size(), "every respondent's weight in the extract");
    assertEquals(extract.size(), weights.stream().mapToDouble(Double::doubleValue).sum(), 1e-6,
        "the respondents' weights sum to the panel");
  }

  private static void expect(List<String> failures, boolean holds, String what) {
    if (!holds) {
      failures.add(what);
    }
  }

  private static Map<Table, Long> versions(Lake lake) {
    return Arrays.stream(Table.values()).collect(Collectors.toMap(t -> t, lake::version));
  }

  private CliRun onLake(String command, String... args) {
    return succeeds(lakeArgs(command, args));
  }

  private String[] lakeArgs(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--master", "local[2]", "--allow-demo-key", "--lake",
        dir.resolve("lake").toString()));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  private static CliRun succeeds(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), String.join(" ", args) + ": " + run.out() + run.err());
    return run;
  }
}

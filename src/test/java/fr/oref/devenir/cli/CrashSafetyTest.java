package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.CrashPoints;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.LakeLock;
import fr.oref.devenir.testing.CliRun;
import fr.oref.devenir.testing.LakeContent;
import fr.oref.devenir.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every job killed dead midway (SIGKILL: no finally, no shutdown hook) leaves a readable lake, and the
 * same command run again gives the tables an uninterrupted run gives. Each job runs in a child JVM that
 * halts at a named point — right after its N-th commit, or between the renames of a publication —
 * so each crash falls where it is meant to; one more is a real kill -9 after a random delay. Each
 * crash starts from a copy of the lake as the previous steps left it, and the rerun (in this JVM) is
 * compared, table by table, with the reference campaign run without a crash; only the columns set by
 * the clock of the run ({@link LakeContent#RUN_TIMES}) are left out, and doubles are compared to 9 decimals.
 */
class CrashSafetyTest {
  private static final String RANDOM_KILL = "kill -9 after a random delay";

  @TempDir Path dir;
  private final List<String> failures = new ArrayList<>();

  /** One command of the campaign, its arguments for a world (lake + outputs), and where to crash it. */
  record Step(String command, Function<Path, List<String>> args, List<String> crashes) {}

  private List<Step> campaign(Path sample) {
    return List.of(
        new Step("ingest-leavers", w -> List.of("--cohort", "2022", "--reports", w.resolve("out/reports").toString(),
            sample.resolve("leavers").toString()), List.of("commit-1", "commit-5")),
        new Step("panel", w -> List.of("--cohort", "2022", "--wave", "1", "--out", w.resolve("out/panel").toString()),
            List.of("commit-1")),
        new Step("ingest-responses", w -> List.of("--cohort", "2022", "--wave", "1", "--calls",
            w.resolve("out/calls").toString(), sample.resolve("survey/export_C2022_V1.csv").toString()),
            List.of("commit-2", RANDOM_KILL)),
        new Step("close-wave", w -> List.of("--cohort", "2022", "--wave", "1", "--out", w.resolve("out").toString()),
            List.of("commit-3")),
        new Step("indicators", w -> List.of("--cohort", "2022", "--wave", "1"), List.of("commit-1")),
        new Step("publish", w -> publish(w), List.of("folder-staged")),
        new Step("publish", w -> publish(w), List.of("folder-swapped")),
        new Step("purge", w -> List.of("--as-of", "2030-01-01"), List.of("purge-deleted")));
  }

  private static List<String> publish(Path world) {
    return List.of("--cohort", "2022", "--wave", "1", "--out", world.resolve("out/pub").toString());
  }

  private static Path publication(Path world) {
    return world.resolve("out/pub/C2022_V1");
  }

  @Test
  void aJobKilledAtAnyPointLeavesAReadableLakeAndItsRerunEqualsAnUninterruptedRun() throws Exception {
    SharedSpark.session();
    Path sample = dir.resolve("sample");
    assertEquals(0, CliRun.of("sample", "--out", sample.toString(), "--cohort", "2022", "--cfas", "3",
        "--leavers", "200", "--seed", "11").code());
    // the sample's files refused whole make ingest-leavers exit 1 (tested elsewhere): here every step
    // must succeed
    for (String refused : List.of("sortants_export.xlsx", "sortants_protege.xlsx", "sortants_vide.xlsx")) {
      Files.delete(sample.resolve("leavers").resolve(refused));
    }
    List<Step> steps = campaign(sample);

    long start = System.nanoTime();
    Path reference = dir.resolve("reference");
    inProcess(reference, "init", List.of());
    List<Path> before = new ArrayList<>();
    List<Map<Table, List<String>>> expected = new ArrayList<>();
    for (Step step : steps) {
      before.add(DemoRun.copy(reference, dir.resolve("before-" + before.size())));
      inProcess(reference, step.command(), step.args().apply(reference));
      expected.add(content(reference));
    }
    System.out.printf("reference campaign of %d steps: %.0f s%n", steps.size(), (System.nanoTime() - start) / 1e9);

    Random random = new Random(20221);
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      for (String crash : step.crashes()) {
        // each crash starts where an uninterrupted campaign stood: one job's defect cannot hide another's;
        // in the reference's own folder, since the lake records the absolute paths of the files written
        deleteTree(reference);
        Path world = DemoRun.copy(before.get(i), reference);
        String where = step.command() + " at " + crash;
        List<String> published = listing(publication(world));
        int code = RANDOM_KILL.equals(crash) ? killAfterRandomDelay(world, step, random) : crashAt(world, step, crash);
        if (!RANDOM_KILL.equals(crash) && code != CrashPoints.KILLED) {
          failures.add(where + ": the child JVM did not stop there (exit " + code + ")");
        }
        checkReadable(world, where);
        List<String> after = listing(publication(world));
        // purge deletes the CFAs' results files on purpose: only publish must leave all or nothing
        if (step.command().equals("publish") && !after.isEmpty() && !after.equals(published)) {
          failures.add(where + ": a reader sees a partial publication " + after);
        }
        CliRun rerun = CliRun.of(arguments(world, step.command(),
            step.args().apply(world)).toArray(String[]::new));
        if (rerun.code() != 0) {
          failures.add(where + ": the rerun failed: " + rerun.err().strip());
          continue;
        }
        if (!RANDOM_KILL.equals(crash) && !rerun.err().contains("qui ne tourne plus : verrou repris")) {
          failures.add(where + ": the lock of the killed job was not taken over: " + rerun.err());
        }
        String differences = LakeContent.differences(expected.get(i), content(world));
        if (!differences.isEmpty()) {
          failures.add(where + ": after the rerun, tables differ from an uninterrupted run: " + differences);
        }
        if (step.command().equals("publish")
            && !listing(publication(world)).equals(listing(publication(before.get(i + 1))))) {
          failures.add(where + ": the publication rebuilt is not the uninterrupted one");
        }
        List<String> hidden = listing(world.resolve("out/pub")).stream().filter(f -> f.startsWith(".")).toList();
        if (!hidden.isEmpty()) {
          failures.add(where + ": leftovers of the killed publication " + hidden);
        }
        System.out.printf("%s: exit %d, %.0f s since the start%n", where, code, (System.nanoTime() - start) / 1e9);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private CliRun inProcess(Path world, String command, List<String> args) {
    CliRun run = CliRun.of(arguments(world, command, args).toArray(String[]::new));
    assertEquals(0, run.code(), command + " in " + world + ": " + run.out() + run.err());
    return run;
  }

  private static List<String> arguments(Path world, String command, List<String> args) {
    List<String> all = new ArrayList<>(List.of(command, "--master", "local[2]", "--allow-demo-key", "--lake", world.resolve("lake").toString()));
    all.addAll(args);
    return all;
  }

  private static Map<Table, List<String>> content(Path world) {
    return LakeContent.of(new Lake(SharedSpark.session(), world.resolve("lake").toString()), LakeContent.RUN_TIMES);
  }

  private void checkReadable(Path world, String where) {
    Lake lake = new Lake(SharedSpark.session(), world.resolve("lake").toString());
    for (Table t : Table.values()) {
      try {
        lake.read(t).count();
      } catch (RuntimeException e) {
        failures.add(where + ": " + t.qualifiedName() + " unreadable after the kill: " + e.getMessage().lines().findFirst());
      }
    }
  }

  /** The job in its own JVM, as ./devenir starts it, halting itself at the named point. */
  private static Process child(Path world, Step step, String crashAt) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(Files.readString(Path.of("target/jvm.args")).trim().split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Dlog4j2.configurationFile=target/log4j2.properties", "-cp", System.getProperty("java.class.path")));
    if (crashAt != null) {
      command.add("-D" + CrashPoints.PROPERTY + "=" + crashAt);
    }
    command.add(Devenir.class.getName());
    command.addAll(arguments(world, step.command(), step.args().apply(world)));
    for (String conf : List.of("spark.ui.enabled=false", "spark.sql.shuffle.partitions=2",
        "spark.sql.adaptive.enabled=false", "spark.sql.codegen.wholeStage=false",
        "spark.databricks.delta.snapshotPartitions=2", "spark.driver.host=127.0.0.1",
        "spark.driver.bindAddress=127.0.0.1")) {
      command.addAll(List.of("--conf", conf));
    }
    Path log = world.resolve("child.log");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private int crashAt(Path world, Step step, String point) throws Exception {
    Process p = child(world, step, point);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "child JVM hangs");
    return p.exitValue();
  }

  /** A real SIGKILL, some time after the job took the lake (so during its work or just after). */
  private static int killAfterRandomDelay(Path world, Step step, Random random) throws Exception {
    Process p = child(world, step, null);
    Path lock = world.resolve("lake").resolve(LakeLock.RELATIVE_PATH);
    while (p.isAlive() && !Files.exists(lock)) {
      Thread.sleep(20);
    }
    Thread.sleep(random.nextInt(4000));
    p.destroyForcibly();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES), "killed child JVM still running");
    return p.exitValue();
  }

  private static List<String> listing(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}

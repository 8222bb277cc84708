package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.LakeSetup;
import fr.oref.devenir.testing.CliRun;
import fr.oref.devenir.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devenir init` makes a new lake whole at once (every contract table, empty) and touches nothing the second time. */
class InitCommandTest {
  @Test
  void initCreatesEveryTableOfTheContractsOnceAndTheLakeMetadata(@TempDir Path dir) throws Exception {
    SharedSpark.session();
    String root = dir.resolve("lake").toString();
    CliRun first = CliRun.of("init", "--master", "local[2]", "--allow-demo-key", "--lake", root);
    assertEquals(0, first.code(), first.err());
    int tables = Table.values().length;
    // the key register is written by the key check every command runs before its job, init included
    assertTrue(lakeHas(root, Table.PSEUDONYMISATION_KEYS));
    assertTrue(first.out().contains(tables + " tables, dont " + (tables - 1) + " créées"), first.out());

    Set<String> contracts;
    try (Stream<Path> ddl = Files.list(Path.of("data-schemas/tables"))) {
      contracts = ddl.map(p -> p.getFileName().toString().replace(".ddl", ""))
          .filter(name -> !name.startsWith("staging.")).collect(Collectors.toSet());
    }
    assertEquals(contracts, Arrays.stream(Table.values()).map(Table::qualifiedName).collect(Collectors.toSet()),
        "every table contract but the staging record schemas is a table of the lake");
    Lake lake = new Lake(SharedSpark.session(), root);
    for (Table t : Table.values()) {
      assertTrue(lake.exists(t), t.qualifiedName());
      assertEquals(Lake.shape(t.schema()), Lake.shape(lake.read(t).schema()), t.qualifiedName());
      assertEquals(t == Table.PSEUDONYMISATION_KEYS ? 1 : 0, lake.read(t).count(), t.qualifiedName());
    }
    assertTrue(Files.readString(Path.of(root, LakeSetup.METADATA)).contains("layout=1"));

    CliRun again = CliRun.of("init", "--master", "local[2]", "--allow-demo-key", "--lake", root);
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains(tables + " tables, dont 0 créées."), again.out());
    assertEquals(0, lake.version(Table.LEAVERS), "nothing committed the second time");
  }

  private static boolean lakeHas(String root, Table table) {
    return new Lake(SharedSpark.session(), root).exists(table);
  }
}

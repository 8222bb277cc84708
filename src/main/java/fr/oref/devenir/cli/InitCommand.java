package fr.oref.devenir.cli;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.LakeSetup;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Crée le lac : toutes les tables de data-schemas/tables/, vides, et ses métadonnées (sans effet sur ce qui existe déjà).")
final class InitCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("init");
    Lake lake = new Lake(session, spark.lake);
    List<Table> created = LakeSetup.init(lake);
    spec.commandLine().getOut().printf("Lac %s prêt : %d tables, dont %d créées%s.%n", lake.root(),
        Table.values().length, created.size(), created.isEmpty() ? "" : " (" + String.join(", ",
            created.stream().map(Table::qualifiedName).toList()) + ")");
    return 0;
  }
}

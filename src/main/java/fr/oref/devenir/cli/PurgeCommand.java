package fr.oref.devenir.cli;

import fr.oref.devenir.privacy.PurgeJob;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "purge", mixinStandardHelpOptions = true,
    description = "Supprime physiquement les données nominatives des cohortes dont la durée de conservation "
        + "(3 ans après la clôture de la vague 2) est échue à la date donnée.")
final class PurgeCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Option(names = "--as-of", required = true, paramLabel = "AAAA-MM-JJ", description = "Date de référence de la purge.")
  LocalDate asOf;

  @Override
  public Integer call() {
    SparkSession session = spark.session("purge");
    List<PurgeJob.Purged> purged = PurgeJob.run(session, spark.lake, asOf);
    PrintWriter out = spec.commandLine().getOut();
    if (purged.isEmpty()) {
      out.printf("Aucune donnée nominative à purger au %s.%n", asOf);
    }
    for (PurgeJob.Purged p : purged) {
      out.printf("Cohorte %d : %d lignes supprimées de %s (conservation échue le %s).%n",
          p.cohort(), p.rows(), p.table(), PurgeJob.retentionEnd(p.cohort()));
    }
    return 0;
  }
}

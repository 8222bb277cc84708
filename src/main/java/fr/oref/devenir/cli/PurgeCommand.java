package fr.oref.devenir.cli;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.privacy.NominativeOutputs;
import fr.oref.devenir.privacy.PurgeJob;
import java.io.PrintWriter;
import java.time.LocalDate;
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
    PurgeJob.Result r = PurgeJob.run(session, spark.lake, asOf);
    PrintWriter out = spec.commandLine().getOut();
    if (r.tables().isEmpty() && r.files().isEmpty()) {
      out.printf("Aucune donnée nominative à purger au %s.%n", asOf);
    }
    for (PurgeJob.Purged p : r.tables()) {
      out.printf("Cohorte %d : %d %s supprimé(e)s de %s (conservation échue le %s).%n", p.cohort(), p.rows(),
          p.table().equals(Table.NOMINATIVE_OUTPUTS.qualifiedName()) ? "fichiers" : "lignes", p.table(),
          PurgeJob.retentionEnd(p.cohort()));
    }
    for (NominativeOutputs.Outcome f : r.files()) {
      out.printf("Cohorte %d : %s %s%n", f.cohort(), switch (f.outcome()) {
        case "deleted" -> "fichier supprimé :";
        case "already_absent" -> "fichier déjà absent :";
        default -> "FICHIER INACCESSIBLE, à supprimer à la main (" + f.outcome() + ") :";
      }, f.path());
    }
    long unreachable = r.files().stream().filter(f -> f.outcome().startsWith("unreachable")).count();
    if (unreachable > 0) {
      spec.commandLine().getErr().printf("devenir purge : échec : %d fichier(s) nominatif(s) inaccessible(s), listés "
          + "ci-dessus ; la prochaine purge les réessaiera.%n", unreachable);
      return 1;
    }
    return 0;
  }
}

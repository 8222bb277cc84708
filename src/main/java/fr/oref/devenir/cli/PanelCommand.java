package fr.oref.devenir.cli;

import fr.oref.devenir.outcomes.PanelJob;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "panel", mixinStandardHelpOptions = true,
    description = "Écrit le panel d'enquête d'une vague pour l'outil d'enquête : un fichier régional et un fichier par CFA.")
final class PanelCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Option(names = "--cohort", required = true, paramLabel = "N", description = "Cohorte.")
  int cohort;

  @Option(names = "--wave", required = true, paramLabel = "W", description = "Vague (1 ou 2).")
  int wave;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dossier des fichiers panel.")
  String out;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("panel");
    PanelJob.Result r = PanelJob.run(session, spark.lake, cohort, wave, out);
    var w = spec.commandLine().getOut();
    w.printf("Panel C%d vague %d : %d sortants à interroger%s ; %d fichiers écrits dans %s%n", cohort, wave, r.members(),
        wave == 2 ? String.format(" (exclus : %d en poursuite d'études, %d refus en vague 1)", r.excludedFurtherStudy(),
            r.excludedRefusal()) : "", r.files(), out);
    return 0;
  }
}

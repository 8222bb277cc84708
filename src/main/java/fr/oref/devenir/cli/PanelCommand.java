package fr.oref.devenir.cli;

import fr.oref.devenir.survey.PanelJob;
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

  @Mixin WaveOptions target;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dossier des fichiers panel.")
  String out;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("panel");
    PanelJob.Result r = PanelJob.run(session, spark.lake, target.cohort, target.wave, out);
    var w = spec.commandLine().getOut();
    w.printf("Panel C%d vague %d : %d sortants à interroger%s ; %d fichiers écrits dans %s%n", target.cohort, target.wave, r.members(),
        target.wave == 2 ? String.format(" (exclus : %d en poursuite d'études, %d refus en vague 1)", r.excludedFurtherStudy(),
            r.excludedRefusal()) : "", r.files(), out);
    return 0;
  }
}

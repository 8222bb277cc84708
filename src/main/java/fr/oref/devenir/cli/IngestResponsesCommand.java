package fr.oref.devenir.cli;

import fr.oref.devenir.ingest.IngestResponsesJob;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest-responses", mixinStandardHelpOptions = true,
    description = "Charge un export de l'outil d'enquête (remplace le chargement précédent de la vague) et affiche le taux de réponse par CFA.")
final class IngestResponsesCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Mixin WaveOptions target;

  @Option(names = "--calls", paramLabel = "DIR",
      description = "Dossier des listes de relance par CFA (sortants sans réponse). Défaut : out/relances-C<cohorte>-V<vague>.")
  String calls;

  @Parameters(index = "0", paramLabel = "EXPORT.csv", description = "Export de l'outil d'enquête.")
  String file;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("ingest-responses");
    String callsDir = calls != null ? calls : "out/relances-C" + target.cohort + "-V" + target.wave;
    IngestResponsesJob.Result r = IngestResponsesJob.run(session, spark.lake, target.cohort, target.wave, file, callsDir);
    var out = spec.commandLine().getOut();
    out.printf("Export %s : %d lignes lues, %d retenues, %d écartées (identifiant inconnu ou en double), "
        + "%d valeurs invalides ignorées.%n", r.snapshotId(), r.rowsRead(), r.rowsKept(), r.rowsRejected(),
        r.valuesRejected());
    for (IngestResponsesJob.Progress p : r.progress()) {
      if ("ALL".equals(p.uaiCfa())) {
        out.printf(Locale.FRANCE, "Taux de réponse régional : %.1f %% (%d / %d), %d refus.%n", 100 * p.rate(),
            p.respondents(), p.panel(), p.refusals());
      }
    }
    r.progress().stream().filter(p -> !"ALL".equals(p.uaiCfa())).forEach(p -> out.printf(Locale.FRANCE,
        "  %s : %5.1f %% (%d / %d)%n", p.uaiCfa(), 100 * p.rate(), p.respondents(), p.panel()));
    out.printf("Listes de relance par CFA : %s%n", callsDir);
    return 0;
  }
}

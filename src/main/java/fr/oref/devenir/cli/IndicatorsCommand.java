package fr.oref.devenir.cli;

import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.publish.MethodNotes;
import fr.oref.devenir.stats.AuditFigures;
import fr.oref.devenir.stats.IndicatorsJob;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "indicators", mixinStandardHelpOptions = true,
    description = "Calcule les indicateurs d'une vague (bruts et redressés, intervalles, secret statistique) et les exporte en CSV.")
final class IndicatorsCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Mixin WaveOptions target;

  @Option(names = "--out", paramLabel = "FICHIER.csv", description = "Export CSV de la table des indicateurs.")
  String out;

  @Option(names = "--threshold", paramLabel = "N", description = "Seuil du secret statistique public "
      + "(dénominateur minimal). Défaut : ${DEFAULT-VALUE} (data-schemas/parameters.csv).")
  int threshold = Parameters.get().secrecyThreshold();

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("indicators");
    spark.progress().phase("calcul des indicateurs");
    IndicatorsJob.Result r = IndicatorsJob.run(session, spark.lake, target.cohort, target.wave, threshold, out);
    spark.progress().close();
    PrintWriter w = spec.commandLine().getOut();
    var d = r.weighting();
    w.printf(java.util.Locale.FRANCE, "Redressement : %d itérations, écart maximal %.2e, effet de plan %.2f, poids de %.2f à %.2f%s%n",
        d.iterations(), d.largestGap(), d.designEffect(), d.minWeight(), d.maxWeight(),
        d.collapsed().isEmpty() ? "" : " ; regroupements : " + String.join(", ", d.collapsed()));
    MethodNotes.weighting(d).forEach(w::println);
    w.println(AuditFigures.line(r.audit(), threshold));
    w.printf("%d lignes d'indicateurs écrites dans gold.indicators%s ; %d évolutions par rapport à la cohorte %d.%n",
        r.rows(), out == null ? "" : " et " + out, r.trends(), target.cohort - 1);
    w.printf(java.util.Locale.FRANCE, "Durées : %s.%n", r.seconds().entrySet().stream()
        .map(e -> String.format(java.util.Locale.FRANCE, "%s %.1f s", e.getKey(), e.getValue()))
        .collect(java.util.stream.Collectors.joining(", ")));
    KeyFiguresPrinter.print(w, target.cohort, target.wave, r.region());
    return 0;
  }
}

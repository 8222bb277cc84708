package fr.oref.devenir.cli;

import fr.oref.devenir.publish.PublishJob;
import fr.oref.devenir.stats.IndicatorsJob;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Publie les chiffres clés régionaux (Excel, open data) et un dossier restreint par CFA, avec le manifeste des versions.")
final class PublishCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Mixin WaveOptions target;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dossier de publication.")
  String out;

  @Option(names = "--restricted-threshold", paramLabel = "N",
      description = "Seuil du secret dans les dossiers restreints des CFA. Défaut : 5.")
  int restrictedThreshold = IndicatorsJob.RESTRICTED_THRESHOLD;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("publish");
    PublishJob.Result r = PublishJob.run(session, spark.lake, target.cohort, target.wave, out, restrictedThreshold);
    spec.commandLine().getOut().printf("Publication C%d V%d : chiffres clés et open data dans %s ; %d dossiers CFA dans %s/cfa ; "
        + "versions des tables : %s%n", target.cohort, target.wave, r.regionDir(), r.bundles(), out, r.versions());
    return 0;
  }
}

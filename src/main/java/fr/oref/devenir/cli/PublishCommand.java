package fr.oref.devenir.cli;

import fr.oref.devenir.publish.PublishJob;
import fr.oref.devenir.stats.AuditFigures;
import fr.oref.devenir.stats.IndicatorsJob;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Publie les chiffres clés régionaux (Excel, PDF, site web, open data) et un dossier restreint par CFA, avec le manifeste des versions.")
final class PublishCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Mixin WaveOptions target;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dossier des publications : celle de la vague y est écrite en entier dans C<cohorte>_V<vague>.")
  String out;

  @Option(names = "--restricted-threshold", paramLabel = "N",
      description = "Seuil du secret dans les dossiers restreints des CFA. Défaut : 5.")
  int restrictedThreshold = IndicatorsJob.RESTRICTED_THRESHOLD;

  @Option(names = "--with-contacts",
      description = "Joint les courriels et téléphones des répondants aux résultats de chaque CFA (absents par défaut).")
  boolean withContacts;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("publish");
    PublishJob.Result r = PublishJob.run(session, spark.lake, target.cohort, target.wave, out, restrictedThreshold,
        withContacts);
    var w = spec.commandLine().getOut();
    KeyFiguresPrinter.print(w, target.cohort, target.wave, r.region());
    w.println(AuditFigures.line(r.audit(), IndicatorsJob.PUBLIC_THRESHOLD));
    w.printf("Publication C%d V%d (versions des tables : %s) :%n  chiffres clés (Excel, PDF, open data) : %s%n"
        + "  site web : %s%n  %d dossiers restreints des CFA : %s/cfa%n", target.cohort, target.wave, r.versions(),
        r.regionDir(), r.siteIndex(), r.bundles(), r.folder());
    return 0;
  }
}

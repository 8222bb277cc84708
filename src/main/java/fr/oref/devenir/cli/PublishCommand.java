package fr.oref.devenir.cli;

import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.publish.Notebooks;
import fr.oref.devenir.publish.PublishJob;
import fr.oref.devenir.publish.RespondentExtract;
import fr.oref.devenir.stats.AuditFigures;
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
      description = "Seuil du secret dans les dossiers restreints des CFA. Défaut : ${DEFAULT-VALUE} (data-schemas/parameters.csv).")
  int restrictedThreshold = Parameters.get().restrictedThreshold();

  @Option(names = "--with-contacts",
      description = "Joint les courriels et téléphones des répondants aux résultats de chaque CFA (absents par défaut).")
  boolean withContacts;

  @Option(names = "--notebooks",
      description = "Exécute les carnets (Jupyter) sur les publications de --out et joint leur rendu HTML au dossier de l'observatoire.")
  boolean notebooks;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("publish");
    PublishJob.Result r = PublishJob.run(session, spark.lake, target.cohort, target.wave, out, restrictedThreshold,
        withContacts, spark.progress().steps(PublishJob.BUNDLES));
    spark.progress().close();
    var w = spec.commandLine().getOut();
    KeyFiguresPrinter.print(w, target.cohort, target.wave, r.region());
    w.println(AuditFigures.line(r.audit(), Parameters.get().secrecyThreshold()));
    w.printf("Publication C%d V%d (versions des tables : %s) :%n  chiffres clés (Excel, PDF, open data) : %s%n"
        + "  site web : %s%n  tableau de bord : %s%n  %d dossiers restreints des CFA : %s/cfa%n  extrait individuel"
        + " pseudonyme (observatoire, diffusion restreinte) : %s/%s%n", target.cohort, target.wave, r.versions(),
        r.regionDir(), r.siteIndex(), r.dashboard(), r.bundles(), r.folder(), r.folder(),
        RespondentExtract.file(target.cohort, target.wave));
    return notebooks ? notebooks(r.folder()) : 0;
  }

  /** The notebooks' failures fail the command: a cross-check that disagrees with a published figure is an error. */
  private int notebooks(String folder) throws Exception {
    Notebooks.Result n = Notebooks.render(out, folder);
    var w = spec.commandLine().getOut();
    if (n.skipped() != null) {
      w.printf("  carnets non exécutés (%s)%n", n.skipped());
      return 0;
    }
    w.printf("  carnets (HTML, réservés à l'observatoire) : %s/%s%n", folder, Notebooks.FOLDER);
    n.failures().forEach(f -> spec.commandLine().getErr().printf("Carnet en échec (publication en place) : %s%n", f));
    return n.failures().isEmpty() ? 0 : 1;
  }
}

package fr.oref.devenir.cli;

import fr.oref.devenir.outcomes.CloseWaveJob;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "close-wave", mixinStandardHelpOptions = true,
    description = "Clôture une vague : statuts, corrections d'aiguillage, corrections manuelles, codage ROME, variables de résultat.")
final class CloseWaveCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Mixin WaveOptions target;

  @Option(names = "--rules", paramLabel = "FICHIER.csv",
      description = "Règles de correction d'aiguillage. Défaut : data-schemas/misrouting-rules.csv.")
  String rules;

  @Option(names = "--overrides", paramLabel = "FICHIER.csv",
      description = "Corrections manuelles ID_SEINE;VAGUE;VARIABLE;VALEUR;MOTIF, appliquées en dernier.")
  String overrides;

  @Option(names = "--out", paramLabel = "DIR", description = "Dossier de la liste des intitulés à coder. Défaut : out.")
  String out = "out";

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("close-wave");
    CloseWaveJob.Result r = CloseWaveJob.run(session, spark.lake, target.cohort, target.wave, rules, overrides, out);
    spark.progress().close();
    spec.commandLine().getOut().printf(
        "Vague %d de la cohorte %d clôturée : %d sortants du panel, %d répondants ; %d corrections (dont %d manuelles), "
            + "%d intitulés d'emploi codés en ROME, %d à coder à la main (%s).%n",
        target.wave, target.cohort, r.panel(), r.respondents(), r.corrections(), r.overrides(), r.titlesCoded(), r.titlesToCode(),
        r.titlesFile());
    return 0;
  }
}

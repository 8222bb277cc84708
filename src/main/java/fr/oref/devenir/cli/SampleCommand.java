package fr.oref.devenir.cli;

import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.sample.SampleCampaign;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Écrit une campagne fictive : fichiers sortants avec défauts réalistes (manifeste) et exports d'enquête des deux vagues.")
final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dossier à écrire.")
  Path out;

  @Option(names = "--cohort", required = true, paramLabel = "N", description = "Cohorte.")
  int cohort;

  @Option(names = "--cfas", defaultValue = "75", description = "Nombre de CFA. Défaut : ${DEFAULT-VALUE}.")
  int cfas;

  @Option(names = "--leavers", defaultValue = "16240", description = "Nombre de sortants. Défaut : ${DEFAULT-VALUE}.")
  int leavers;

  @Option(names = "--seed", defaultValue = "42", description = "Graine (même graine, même campagne). Défaut : ${DEFAULT-VALUE}.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (cfas < 1 || leavers < cfas) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Il faut au moins un sortant par CFA.");
    }
    Pseudonymizer key = Pseudonymizer.fromEnvironment(null);
    if (key.isDemo()) {
      spec.commandLine().getErr().println(Pseudonymizer.demoWarning());
    }
    SampleCampaign.Summary s = SampleCampaign.write(out, cohort, cfas, leavers, seed, key);
    spec.commandLine().getOut().printf("Campagne fictive C%d : %d fichiers sortants (%d sortants, %d défauts injectés) "
        + "dans %s ; exports d'enquête (%d défauts) dans %s ; manifeste : %s%n", cohort, s.files(), s.leavers(),
        s.leaverDefects(), s.leaversDir(), s.surveyDefects(), s.surveyDir(), out.resolve("manifest.csv"));
    return 0;
  }
}

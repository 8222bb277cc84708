package fr.oref.devenir.cli;

import fr.oref.devenir.publish.Dashboard;
import fr.oref.devenir.publish.PublishJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole campaign on a synthetic sample, through the very commands a statistician runs (one
 * Spark session shared by all): sample → leaver files → both survey waves → indicators → publication.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Déroule une campagne complète sur un échantillon fictif, des fichiers sortants aux chiffres clés.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--lake", defaultValue = "lake", paramLabel = "DIR", description = "Lac Delta. Défaut : ${DEFAULT-VALUE}.")
  String lake;

  @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Fichiers produits. Défaut : ${DEFAULT-VALUE}.")
  String out;

  @Option(names = "--cohort", defaultValue = "2022", paramLabel = "N", description = "Cohorte. Défaut : ${DEFAULT-VALUE}.")
  int cohort;

  @Option(names = "--cfas", defaultValue = "75", description = "Nombre de CFA. Défaut : ${DEFAULT-VALUE}.")
  int cfas;

  @Option(names = "--leavers", defaultValue = "16240", description = "Nombre de sortants. Défaut : ${DEFAULT-VALUE}.")
  int leavers;

  @Option(names = "--master", paramLabel = "URL", description = "Master Spark. Défaut : Spark local embarqué.")
  String master;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    String c = String.valueOf(cohort);
    String sample = out + "/sample";
    List<String[]> steps = new ArrayList<>();
    steps.add(new String[] {"sample", "--out", sample, "--cohort", c, "--cfas", String.valueOf(cfas), "--leavers",
        String.valueOf(leavers)});
    steps.add(spark("init"));
    steps.add(spark("ingest-leavers", "--cohort", c, "--reports", out + "/validation", sample + "/leavers"));
    for (String wave : List.of("1", "2")) {
      steps.add(spark("panel", "--cohort", c, "--wave", wave, "--out", out + "/panel-V" + wave));
      steps.add(spark("ingest-responses", "--cohort", c, "--wave", wave, "--calls", out + "/relances-V" + wave,
          sample + "/survey/export_C" + c + "_V" + wave + ".csv"));
      steps.add(spark("close-wave", "--cohort", c, "--wave", wave, "--out", out));
      steps.add(spark("indicators", "--cohort", c, "--wave", wave, "--out", out + "/indicators_C" + c + "_V" + wave + ".csv"));
    }
    for (String wave : List.of("1", "2")) {
      steps.add(spark("publish", "--cohort", c, "--wave", wave, "--out", out + "/publication", "--notebooks"));
    }
    for (String[] step : steps) {
      w.printf("%n== devenir %s%n", String.join(" ", step));
      w.flush();
      int code = spec.root().commandLine().execute(step);
      // the sample sends defective files on purpose: ingest-leavers refuses them (code 1) and loads the others
      if (code != 0 && !(code == 1 && step[0].equals("ingest-leavers"))) {
        w.printf("La démonstration s'arrête à l'étape « %s » (code %d).%n", step[0], code);
        return code;
      }
    }
    String publication = Path.of(PublishJob.folder(out + "/publication", cohort, 2))
        .toAbsolutePath().normalize().toString();
    w.printf("%nCampagne C%s terminée. Lac Delta : %s ; rapports de validation : %s/validation.%n"
        + "À ouvrir : %s/region/site_C%s_V2/index.html (site web), %s/region/site_C%s_V2/%s (tableau de bord), "
        + "%s/region/chiffres_cles_C%s_V2.pdf (rapport), %s/region/chiffres_cles_C%s_V2.xlsx (classeur) ; "
        + "dossiers restreints des CFA : %s/cfa/<UAI>/.%n",
        c, lake, out, publication, c, publication, c, Dashboard.PAGE, publication, c, publication, c, publication);
    return 0;
  }

  private String[] spark(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    // a sample campaign: the built-in key is what makes the demo run with nothing to set up
    all.addAll(1, List.of("--lake", lake, "--allow-demo-key"));
    if (master != null) {
      all.addAll(1, List.of("--master", master));
    }
    return all.toArray(String[]::new);
  }
}

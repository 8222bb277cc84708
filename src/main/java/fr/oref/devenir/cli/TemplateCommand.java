package fr.oref.devenir.cli;

import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.publish.LeaverTemplate;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "template", mixinStandardHelpOptions = true,
    description = "Écrit le modèle de fichier sortants (.xlsx) à envoyer aux CFA.")
final class TemplateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FICHIER.xlsx", description = "Fichier à écrire.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream stream = Files.newOutputStream(out)) {
      LeaverTemplate.write(stream);
    }
    spec.commandLine().getOut().printf("Modèle écrit : %s (%d colonnes).%n", out,
        LeaverFileContract.get().columns().size());
    return 0;
  }
}

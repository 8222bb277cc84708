package fr.oref.devenir.cli;

import fr.oref.devenir.privacy.KeyRotation;
import fr.oref.devenir.privacy.Pseudonymizer;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rotate-key", mixinStandardHelpOptions = true,
    description = "Change la clé de pseudonymisation du lac : recalcule les clés des sortants et les ID_SEINE dans "
        + "toutes les tables (refusé pendant une enquête en cours). La clé actuelle reste celle de l'environnement.")
final class RotateKeyCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Option(names = "--new-key-env", required = true, paramLabel = "VARIABLE",
      description = "Variable d'environnement qui contient la nouvelle clé (jamais la clé elle-même en argument).")
  String newKeyEnv;

  @Override
  public Integer call() {
    SparkSession session = spark.session("rotate-key");
    long leavers = KeyRotation.run(session, spark.lake, spark.pseudonymizer(session), Pseudonymizer.fromVariable(newKeyEnv));
    spec.commandLine().getOut().printf("Clé de pseudonymisation changée : %d sortants ont une nouvelle clé et un nouvel "
        + "ID_SEINE ; définissez désormais %s avec la nouvelle clé.%n", leavers, Pseudonymizer.KEY_ENV);
    return 0;
  }
}

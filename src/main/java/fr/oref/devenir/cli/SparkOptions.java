package fr.oref.devenir.cli;

import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.SparkSessions;
import fr.oref.devenir.privacy.KeyRegister;
import fr.oref.devenir.privacy.Pseudonymizer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every Spark command shares: where the lake is and which Spark runs the job. */
public final class SparkOptions {
  @Option(names = "--lake", defaultValue = "lake", paramLabel = "DIR",
      description = "Racine du lac Delta : dossier local ou URI Hadoop (s3a://, abfss://, hdfs://). Défaut : ${DEFAULT-VALUE}")
  String lake;

  @Option(names = "--master", paramLabel = "URL",
      description = "Master Spark (local[2], yarn, k8s://…). Défaut : celui de spark-submit, sinon Spark local embarqué.")
  String master;

  @Option(names = "--conf", paramLabel = "CLÉ=VALEUR", description = "Propriété Spark supplémentaire (répétable).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--allow-demo-key",
      description = "Accepte la clé de pseudonymisation de démonstration (données fictives uniquement).")
  boolean allowDemoKey;

  /**
   * The job's session, once the pseudonymisation key is known to be the lake's: every command checks
   * it, even one that does not derive keys, so a wrong key is caught at the first command of a run.
   */
  SparkSession session(String job) {
    SparkSession session = SparkSessions.create("devenir " + job, master, conf);
    Pseudonymizer key = pseudonymizer(session);
    KeyRegister.check(new Lake(session, lake), key, allowDemoKey);
    if (key.isDemo()) {
      mixee.commandLine().getErr().println(Pseudonymizer.demoWarning());
    }
    return session;
  }

  Pseudonymizer pseudonymizer(SparkSession spark) {
    return Pseudonymizer.fromEnvironment(spark.conf().get(Pseudonymizer.KEY_CONF, null));
  }
}

package fr.oref.devenir.cli;

import fr.oref.devenir.lake.SparkSessions;
import fr.oref.devenir.privacy.Pseudonymizer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

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

  SparkSession session(String job) {
    return SparkSessions.create("devenir " + job, master, conf);
  }

  Pseudonymizer pseudonymizer(SparkSession spark) {
    return Pseudonymizer.fromEnvironment(spark.conf().get(Pseudonymizer.KEY_CONF, null));
  }
}

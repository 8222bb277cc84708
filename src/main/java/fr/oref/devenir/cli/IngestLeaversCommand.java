package fr.oref.devenir.cli;

import fr.oref.devenir.campaign.IngestLeaversStep;
import fr.oref.devenir.ingest.ReadLimits;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest-leavers", mixinStandardHelpOptions = true,
    description = "Charge les fichiers sortants des CFA (xlsx, csv), les valide, et écrit les rapports de validation par CFA.")
final class IngestLeaversCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Option(names = "--cohort", required = true, paramLabel = "N", description = "Cohorte (année de sortie N).")
  int cohort;

  @Option(names = "--reports", paramLabel = "DIR",
      description = "Dossier des rapports de validation. Défaut : out/validation-C<cohorte>.")
  String reports;

  @Option(names = "--max-file-mb", defaultValue = "200", paramLabel = "MO",
      description = "Taille maximale d'un fichier. Défaut : ${DEFAULT-VALUE} Mo.")
  long maxFileMb;

  @Option(names = "--max-parse-seconds", defaultValue = "300", paramLabel = "S",
      description = "Durée maximale de lecture d'un fichier ; au-delà il est refusé. Défaut : ${DEFAULT-VALUE} s.")
  long maxParseSeconds;

  @Parameters(arity = "1..*", paramLabel = "FICHIER|DOSSIER", description = "Fichiers ou dossiers à charger.")
  List<String> inputs;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("ingest-leavers");
    String reportsDir = reports != null ? reports : "out/validation-C" + cohort;
    IngestLeaversStep.Result r = IngestLeaversStep.run(session, spark.lake, cohort, inputs,
        spark.pseudonymizer(session), new ReadLimits(maxFileMb << 20, Duration.ofSeconds(maxParseSeconds)), reportsDir);
    spark.progress().close();
    PrintWriter out = spec.commandLine().getOut();
    var b = r.batch();
    out.printf("Lot %s : %d fichier(s) lu(s), dont %d nouveau(x).%n", b.batchId(), b.files(), b.newFiles());
    var c = r.counts();
    out.printf("Cohorte %d : %d lignes lues = %d retenues (%d avec avertissement) + %d redoublants + %d doublons + %d rejetées%s%n",
        cohort, c.read(), c.kept(), c.warned(), c.repeaters(), c.duplicates(), c.rejected(),
        c.balanced() ? "" : "  [BILAN NON ÉQUILIBRÉ]");
    out.printf("%d rapports de validation (un par CFA) et la synthèse écrits dans %s%n", r.reports(), reportsDir);
    // the others of the batch are loaded; the exit code tells a DAG that some file needs its CFA
    PrintWriter err = spec.commandLine().getErr();
    b.refused().forEach(f -> err.printf("Fichier refusé : %s — %s%n", f.file(), f.reason()));
    return b.refused().isEmpty() ? 0 : 1;
  }
}

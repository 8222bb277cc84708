package fr.oref.devenir.campaign;

import fr.oref.devenir.clean.LeaverCleaning;
import fr.oref.devenir.ingest.IngestLeaversJob;
import fr.oref.devenir.ingest.ReadLimits;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.publish.ValidationReports;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * ingest-leavers as the campaign runs it, in this order: the files into bronze (ingest), the
 * cohort rebuilt from each CFA's latest submission into silver (clean), then the validation report
 * sent back to each CFA (publish). Each stage knows nothing of the next one.
 */
public final class IngestLeaversStep {
  private IngestLeaversStep() {}

  /**
   * @param counts the balance of the cohort's current submissions after this batch
   * @param reports how many CFA reports were written (0 without a reports folder)
   */
  public record Result(IngestLeaversJob.Batch batch, LeaverCleaning.Counts counts, int reports) {}

  public static Result run(SparkSession spark, String lakeRoot, int cohort, List<String> inputs,
      Pseudonymizer pseudonymizer, ReadLimits limits, String reportsDir) throws Exception {
    IngestLeaversJob.Batch batch = IngestLeaversJob.run(spark, lakeRoot, cohort, inputs, limits);
    Lake lake = new Lake(spark, lakeRoot);
    spark.sparkContext().setJobDescription("validation et nettoyage de la cohorte");
    LeaverCleaning.Counts counts = LeaverCleaning.rebuild(lake, cohort, pseudonymizer, batch.batchId());
    spark.sparkContext().setJobDescription("rapports de validation");
    int reports = reportsDir == null ? 0
        : ValidationReports.write(lake, cohort, new HadoopFiles(spark.sparkContext().hadoopConfiguration()), reportsDir);
    return new Result(batch, counts, reports);
  }
}

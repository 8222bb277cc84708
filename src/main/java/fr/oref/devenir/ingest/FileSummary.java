package fr.oref.devenir.ingest;

import fr.oref.devenir.contracts.LeaverFileStatus;
import java.io.Serializable;
import java.util.List;

/** What reading one leaver file gave: where its data was, what was recognised, and whether it failed. */
public record FileSummary(
    String format,
    String sheet,
    Integer headerRow,
    List<String> matchedColumns,
    List<String> extraColumns,
    List<String> missingColumns,
    int rowsRead,
    String fileCfa,
    String status,
    String message) implements Serializable {

  static FileSummary failed(String format, String message) {
    return new FileSummary(format, null, null, List.of(), List.of(), List.of(), 0, null, LeaverFileStatus.FAILED, message);
  }

  public boolean ok() {
    return LeaverFileStatus.OK.equals(status);
  }
}

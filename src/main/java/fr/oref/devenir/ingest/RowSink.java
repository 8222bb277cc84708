package fr.oref.devenir.ingest;

import java.util.List;

/** Receives the rows of one sheet in order; throwing {@link StopReading} ends the sheet early. */
@FunctionalInterface
interface RowSink {
  /**
   * @param rowNumber 1-based, as the spreadsheet shows it
   * @param cells cell texts by column index, null for an empty cell
   */
  void row(int rowNumber, List<String> cells);

  /** Thrown by a sink that has seen enough. */
  final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }
}

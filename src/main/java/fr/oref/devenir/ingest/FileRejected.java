package fr.oref.devenir.ingest;

/**
 * Why a whole file is refused, found while reading it: a French reason for the CFA that names
 * where the problem is (sheet, row, column) and never quotes a cell's value.
 */
final class FileRejected extends RuntimeException {
  FileRejected(String reason) {
    super(reason, null, false, false);
  }
}

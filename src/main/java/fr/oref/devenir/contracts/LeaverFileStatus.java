package fr.oref.devenir.contracts;

/**
 * The {@code status} values of bronze.leaver_files (data-schemas/tables/bronze.leaver_files.ddl): the
 * reader writes them, validation keeps only the files read whole, the reports tell CFAs which ones
 * were refused.
 */
public final class LeaverFileStatus {
  /** Read whole: its rows are in bronze. */
  public static final String OK = "OK";
  /** Refused whole, with a French reason in {@code message}. */
  public static final String FAILED = "FAILED";

  private LeaverFileStatus() {}
}

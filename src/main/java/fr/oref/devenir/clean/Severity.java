package fr.oref.devenir.clean;

/** ERROR keeps a row out of the cohort until the CFA fixes it; WARNING is reported only. */
public enum Severity {
  ERROR,
  WARNING
}

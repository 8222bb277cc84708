package fr.oref.devenir.clean;

/** What a failed check costs a leaver row: an ERROR keeps it out of the cohort, a WARNING is only reported. */
public enum Severity {
  ERROR,
  WARNING
}

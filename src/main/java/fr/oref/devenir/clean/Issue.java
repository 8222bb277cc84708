package fr.oref.devenir.clean;

import java.io.Serializable;

/**
 * One problem found on a leaver row.
 *
 * @param field the contract field, or the first field of a cross-field check
 * @param column the French header the CFA sees, null for a row-level check
 * @param check the check id in data-schemas/leaver-checks.csv
 * @param message French, for a CFA clerk; never quotes a nominative value
 */
public record Issue(String field, String column, String check, Severity severity, String message)
    implements Serializable {}

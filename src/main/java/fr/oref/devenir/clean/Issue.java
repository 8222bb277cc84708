package fr.oref.devenir.clean;

import java.io.Serializable;

/**
 * One problem found in a leaver row, ready for the validation report sent back to the CFA.
 *
 * @param field the contract's field name (uai_cfa, birth_date…)
 * @param column the French header of that field in the leaver-file contract
 * @param check the check id from {@code data-schemas/leaver-checks.csv}
 * @param message the French message for the CFA clerk; never quotes a nominative value
 */
public record Issue(String field, String column, String check, Severity severity, String message)
    implements Serializable {}

package fr.oref.devenir.clean;

import java.io.Serializable;

/** One value changed at wave closure, for the audit table silver.corrections. */
public record Correction(String leaverId, int wave, String variable, String oldValue, String newValue, String rule)
    implements Serializable {}

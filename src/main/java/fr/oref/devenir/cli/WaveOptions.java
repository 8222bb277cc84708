package fr.oref.devenir.cli;

import picocli.CommandLine.Option;

/** Which cohort and wave a survey-wave command works on. */
final class WaveOptions {
  @Option(names = "--cohort", required = true, paramLabel = "N", description = "Cohorte (année de sortie N).")
  int cohort;

  @Option(names = "--wave", required = true, paramLabel = "W", description = "Vague (1 ou 2).")
  int wave;
}

package fr.oref.devenir.stats;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/** OR-Tools' solvers, its native library loaded once for every model that asks. */
final class Solvers {
  static {
    Loader.loadNativeLibraries();
  }

  private Solvers() {}

  /** A new solver by OR-Tools' id ({@code GLOP}, {@code PDLP}); delete it when done. */
  static MPSolver create(String id) {
    return MPSolver.createSolver(id);
  }
}

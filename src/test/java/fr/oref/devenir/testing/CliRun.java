package fr.oref.devenir.testing;

import fr.oref.devenir.cli.Devenir;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A command run as people run it, in this JVM, with its own output. */
public record CliRun(int code, String out, String err) {
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Devenir.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

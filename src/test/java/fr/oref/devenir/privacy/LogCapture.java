package fr.oref.devenir.privacy;

import java.io.StringWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Every log line (with its stack trace) written while open, as the launcher's log would hold it. */
public final class LogCapture implements AutoCloseable {
  private final StringWriter text = new StringWriter();
  private final Appender appender;

  private LogCapture() {
    appender = WriterAppender.newBuilder().setName("capture-" + System.nanoTime()).setTarget(text)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%ex").build()).build();
    appender.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().addAppender(appender, null, null);
    context.updateLoggers();
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  public String text() {
    return text.toString();
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}

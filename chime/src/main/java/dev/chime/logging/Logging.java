package dev.chime.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * Switches the log format. {@code logback.xml} defines a text and a JSON appender on standard
 * error and attaches the one the system property {@value #FORMAT_PROPERTY} names; this sets it
 * and reads the configuration again, before the service starts.
 */
public final class Logging {
  static final String FORMAT_PROPERTY = "chime.log.format";

  private Logging() {}

  public static void use(LogFormat format) {
    System.setProperty(FORMAT_PROPERTY, format.id());
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend: its own configuration decides
    }
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException e) {
      throw new IllegalStateException("the logging configuration cannot be read", e);
    }
  }
}

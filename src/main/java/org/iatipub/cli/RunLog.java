package org.iatipub.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.CompositeTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.TimeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The logging of one command run: the console (standard error) at the chosen level and, when asked,
 * a rolling log file (a new file each day or at 10 MB, the last 30 kept) at INFO or finer, so a
 * nightly job keeps a history of its runs. Closing puts the logging back as log4j2.xml has it, as
 * tests run several commands in one JVM.
 */
final class RunLog implements AutoCloseable {
  private static final String FILE_APPENDER = "iatipub-file";

  private final LoggerContext context;
  private final Level before;
  private final Appender file;

  private RunLog(LoggerContext context, Level before, Appender file) {
    this.context = context;
    this.before = before;
    this.file = file;
  }

  static RunLog start(Level console, Path logFile) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    LoggerConfig root = config.getRootLogger();
    Level before = root.getLevel();
    Appender consoleAppender = config.getAppender("console");
    Appender file = null;
    Level rootLevel = console;
    if (logFile != null) {
      Level fileLevel = console.isLessSpecificThan(Level.INFO) ? console : Level.INFO;
      file = RollingFileAppender.newBuilder()
          .setName(FILE_APPENDER)
          .withFileName(logFile.toString())
          .withFilePattern(logFile + ".%d{yyyy-MM-dd}.%i.gz")
          .withPolicy(CompositeTriggeringPolicy.createPolicy(TimeBasedTriggeringPolicy.newBuilder().build(),
              SizeBasedTriggeringPolicy.createPolicy("10 MB")))
          .withStrategy(DefaultRolloverStrategy.newBuilder().withMax("30").withConfig(config).build())
          .setLayout(PatternLayout.newBuilder().withConfiguration(config)
              .withPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%pid] %c{1} - %msg%n").build())
          .setConfiguration(config)
          .build();
      file.start();
      config.addAppender(file);
      root.addAppender(file, fileLevel, null);
      rootLevel = console.isLessSpecificThan(fileLevel) ? console : fileLevel;
    }
    if (consoleAppender != null) {
      root.removeAppender("console");
      root.addAppender(consoleAppender, console, null);
    }
    root.setLevel(rootLevel);
    context.updateLoggers();
    return new RunLog(context, before, file);
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    LoggerConfig root = config.getRootLogger();
    if (file != null) {
      root.removeAppender(FILE_APPENDER);
      file.stop();
    }
    Appender console = config.getAppender("console");
    if (console != null) {
      root.removeAppender("console");
      root.addAppender(console, null, null);
    }
    root.setLevel(before);
    context.updateLoggers();
  }
}

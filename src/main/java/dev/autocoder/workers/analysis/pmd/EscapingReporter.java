package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.LogText;
import net.sourceforge.pmd.util.log.PmdReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.text.MessageFormat;

/**
 * Logs PMD's and CPD's own messages as PMD's default reporter does (the message, then ": " and the error's
 * message), but as one escaped line ({@link LogText}): CPD logs "Skipping file: Lexical error in file '…'" with the
 * file name, and a name with a newline would otherwise forge a log line.
 */
final class EscapingReporter implements PmdReporter {

    private final Logger log;
    private int errors;

    /** @param loggerName the logger PMD's messages go to, e.g. {@code net.sourceforge.pmd.cpd.CpdAnalysis} */
    EscapingReporter(String loggerName) {
        this.log = LoggerFactory.getLogger(loggerName);
    }

    @Override
    public boolean isLoggable(Level level) {
        return log.isEnabledForLevel(level);
    }

    @Override
    public synchronized void logEx(Level level, String message, Object[] formatArgs, Throwable error) {
        if (level == Level.ERROR) {
            errors++;
        }
        if (!isLoggable(level)) {
            return;
        }
        String text = message == null ? "" : MessageFormat.format(message, formatArgs == null ? new Object[0] : formatArgs);
        if (error != null) {
            String reason = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
            text = text.isEmpty() ? reason : text + ": " + reason;
        }
        log.atLevel(level).log(LogText.escape(text));
    }

    @Override
    public synchronized int numErrors() {
        return errors;
    }
}

package dev.autocoder.workers.javamodel;

import java.util.List;

/**
 * A catch clause.
 *
 * @param types      caught types as written
 * @param line       line of the catch
 * @param empty      no statement in the block (comments do not count)
 * @param onlyLogs   every statement is a logging or printing call
 * @param rethrows   the block throws
 * @param handsOn    the block passes the caught exception itself to a call other than a log line (a future's
 *                   {@code setException(t)}, a handler's {@code handle(e, context)}): it goes on to whoever deals with it
 * @param lostCause  the block throws a new exception that does not pass the caught one on
 * @param deliberate the clause says it means to let the failure go, so an empty or logging block loses nothing: a
 *                   Java variable named {@code ignored} or {@code expected}, or an empty block with a comment
 *                   (PMD's EmptyCatchBlock allowExceptionNameRegex and allowCommentedBlocks); in
 *                   Python a handler of {@code ImportError}/{@code ModuleNotFoundError} or
 *                   {@code StopIteration} only (an optional dependency, an exhausted iterator), of a {@code try}
 *                   with an {@code else} clause (the handler is the failure branch), or an empty handler with a
 *                   comment saying why
 * @param onlyCleansUp the try block only closes, stops, cancels or removes something ({@code in.close()}, Python's
 *                   {@code value.close()}, {@code server.stop()}, {@code timer.cancel()},
 *                   {@code shutil.rmtree(tempdir)}): what is lost is a failure of the cleanup, with nothing left to
 *                   undo (commons-io's closeQuietly)
 * @param fallsBack  the try returns what it finds when it can and the code after it is the other way: another
 *                   computation, a configured or the caller's value (ldap3's formatters, {@code return
 *                   datetime.fromtimestamp(..)} / {@code except Exception: pass} / {@code return raw_value}); meant,
 *                   though a handler that catches anything loses a bug in the try too
 * @param text       the clause's source text, whitespace-normalized
 */
public record CatchSite(List<String> types, int line, boolean empty, boolean onlyLogs, boolean rethrows,
                        boolean handsOn, boolean lostCause, boolean deliberate, boolean onlyCleansUp, boolean fallsBack,
                        String text) {

    /** An empty or logging-only block that does not rethrow, where nothing says that is meant. */
    public boolean swallows() {
        return (empty || onlyLogs) && !rethrows && !deliberate;
    }

    public boolean overBroad() {
        return types.stream().anyMatch(t -> t.equals("Exception") || t.equals("Throwable") || t.equals("BaseException") || t.equals("RuntimeException")
                || t.equals("java.lang.Exception") || t.equals("java.lang.Throwable"));
    }
}

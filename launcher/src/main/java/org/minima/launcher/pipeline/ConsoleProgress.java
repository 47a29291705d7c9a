package org.minima.launcher.pipeline;

import java.io.PrintStream;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Progress as a terminal user expects it: on an interactive console, one line that updates in place (done/total,
 * rate, ETA), wiped before any other log line is printed; anywhere else (CI, a file, a pipe) plain log lines. Progress
 * lines carry the {@link #MARKER}: this filter keeps them off an interactive console, where the updating line shows
 * them, while run.log still gets every one.
 */
public final class ConsoleProgress extends Filter<ILoggingEvent> {

    /** Whether the console is a terminal (standard input and output both interactive). */
    public static final boolean INTERACTIVE = System.console() != null;
    /** The marker of progress lines. */
    static final Marker MARKER = MarkerFactory.getMarker("PROGRESS");
    /** The system property logback.xml puts in front of every console line: wipes the updating line. */
    public static final String CLEAR_PROPERTY = "minima.console.clear";
    private static final String CLEAR_LINE = "\r\033[K";

    /** Sets the console's line prefix; call before logging is configured. */
    public static void prepare() {
        if (INTERACTIVE) {
            System.setProperty(CLEAR_PROPERTY, CLEAR_LINE);
        }
    }

    /** Redraws the updating line on an interactive console. */
    static void show(String line) {
        if (INTERACTIVE) {
            PrintStream out = System.out;
            out.print(CLEAR_LINE + line);
            out.flush();
        }
    }

    /** Wipes the updating line. */
    static void clear() {
        show("");
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        boolean progress = event.getMarkerList() != null && event.getMarkerList().contains(MARKER);
        return INTERACTIVE && progress ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}

package org.leadrouter.kpis;

/**
 * Time to assign kept to two significant figures of milliseconds (83,456 ms is 83,000 ms; 8,234 s
 * is 8,200 s): a manager reads minutes and seconds, and a week of hourly totals then has at most
 * 90 distinct values a decade instead of one a lead.
 */
final class TwoFigures {

    private TwoFigures() {
    }

    static long of(long millis) {
        long scale = 1;
        while (millis / scale >= 100) {
            scale *= 10;
        }
        return millis / scale * scale;
    }
}

package org.leadrouter.rules.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;

/**
 * Which leads one condition cell lets through, as far as the linter needs to know it to tell
 * whether two rows can match the same lead. Anything it cannot reason about is {@link Opaque}:
 * two opaque cells overlap only when they hold the same text.
 */
sealed interface Match {

    Match ANY = new Any();

    /** Whether some lead could pass both cells. */
    boolean meets(Match other);

    record Any() implements Match {
        @Override
        public boolean meets(Match other) {
            return true;
        }
    }

    record Values(Set<String> values) implements Match {
        @Override
        public boolean meets(Match other) {
            if (other instanceof Values v) {
                return v.values.stream().anyMatch(values::contains);
            }
            if (other instanceof Range r) {
                return values.stream().anyMatch(r::contains);
            }
            return other.meets(this);
        }
    }

    /** An interval of numbers or dates; a null end is open. */
    record Range(Comparable<?> low, boolean lowIncluded, Comparable<?> high, boolean highIncluded) implements Match {

        /** Open-ended ranges first, then by where they start. */
        static final Comparator<Range> BY_LOW = (a, b) -> a.low == null ? (b.low == null ? 0 : -1)
                : b.low == null ? 1 : compare(a.low, b.low);

        /** The leads both ranges let through. */
        Range and(Range other) {
            boolean lowFromOther = low == null || other.low != null && compare(other.low, low) > 0;
            boolean highFromOther = high == null || other.high != null && compare(other.high, high) < 0;
            return new Range(lowFromOther ? other.low : low, lowFromOther ? other.lowIncluded : lowIncluded,
                    highFromOther ? other.high : high, highFromOther ? other.highIncluded : highIncluded);
        }

        /**
         * A whole value (or day) between this range and a higher one that neither holds, as the
         * analyst would write it; null when they leave nothing out. Only whole values count, so
         * 0-9999 and 10000-19999 leave no gap.
         */
        String gapBefore(Range higher) {
            if (high == null || higher.low == null) {
                return null;
            }
            Comparable<?> first = high instanceof LocalDate day
                    ? (highIncluded ? day.plusDays(1) : day)
                    : highIncluded ? ((BigDecimal) high).setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
                    : ((BigDecimal) high).setScale(0, RoundingMode.CEILING);
            int order = compare(first, higher.low);
            return order < 0 || order == 0 && !higher.lowIncluded
                    ? (highIncluded ? "over " : "from ") + text(high) + (higher.lowIncluded ? " and under " : " to ")
                            + text(higher.low) : null;
        }

        private static String text(Comparable<?> value) {
            return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        }

        boolean contains(String value) {
            Comparable<?> v = parse(value, low != null ? low : high);
            return v != null && above(v, low, lowIncluded) && below(v, high, highIncluded);
        }

        @Override
        public boolean meets(Match other) {
            if (other instanceof Range r) {
                return ends(low, lowIncluded, r.high, r.highIncluded) && ends(r.low, r.lowIncluded, high, highIncluded);
            }
            return other.meets(this);
        }

        /** Whether an interval starting at {@code start} and one ending at {@code end} share a point. */
        private static boolean ends(Comparable<?> start, boolean startIncluded, Comparable<?> end, boolean endIncluded) {
            if (start == null || end == null) {
                return true;
            }
            int order = compare(start, end);
            return order < 0 || order == 0 && startIncluded && endIncluded;
        }

        private static boolean above(Comparable<?> v, Comparable<?> low, boolean included) {
            return low == null || compare(v, low) > 0 || included && compare(v, low) == 0;
        }

        private static boolean below(Comparable<?> v, Comparable<?> high, boolean included) {
            return high == null || compare(v, high) < 0 || included && compare(v, high) == 0;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compare(Comparable a, Comparable b) {
            return a.compareTo(b);
        }

        private static Comparable<?> parse(String value, Comparable<?> like) {
            try {
                return like instanceof LocalDate ? LocalDate.parse(value) : new BigDecimal(value);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    record Opaque(String text) implements Match {
        @Override
        public boolean meets(Match other) {
            return other instanceof Any || other instanceof Opaque o && o.text.equals(text);
        }
    }
}

package org.leadrouter.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part of the compile gate: finds consequences ({@code then ... end}) of a DRL file holding a loop
 * that can only end from inside ({@code while (true)}, {@code for (;;)}, {@code do ... while (true)})
 * with nothing that could end it ({@code break}, {@code return}, {@code throw}). Such a rule is
 * rejected with its file and line before it ever runs, instead of being stopped by the deadline
 * on the first lead that reaches it. A text scan, not a parser: loops that never end in subtler
 * ways are left to the deadline.
 */
final class UnboundedLoops {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\b|\\bend\\s*$");
    private static final Pattern LOOP = Pattern.compile("while\\s*\\(\\s*true\\s*\\)|for\\s*\\(\\s*;\\s*;\\s*\\)");
    private static final Pattern WAY_OUT = Pattern.compile("\\b(break|return|throw)\\b");

    private UnboundedLoops() {
    }

    static List<RuleProblem> find(String file, String drl) {
        List<RuleProblem> problems = new ArrayList<>();
        String rule = null;
        Consequence consequence = null;
        String[] lines = drl.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = withoutLineComment(lines[i]);
            if (consequence == null) {
                Matcher named = RULE.matcher(line);
                if (named.find()) {
                    rule = named.group(1) != null ? named.group(1) : named.group(2) != null ? named.group(2) : named.group(3);
                }
                Matcher then = THEN.matcher(line);
                if (!then.find()) {
                    continue;
                }
                consequence = new Consequence(rule);
                line = line.substring(then.end());
            }
            Matcher end = END.matcher(line);
            boolean ends = end.find();
            consequence.add(ends ? line.substring(0, end.start()) : line, i + 1);
            if (ends) {
                consequence.problem(file).ifPresent(problems::add);
                consequence = null;
            }
        }
        return problems;
    }

    private static String withoutLineComment(String line) {
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }

    /** The text of one rule's consequence and the line of its first endless loop. */
    private static final class Consequence {
        private final String rule;
        private final StringBuilder text = new StringBuilder();
        private Integer loopLine;
        private String loop;

        Consequence(String rule) {
            this.rule = rule;
        }

        void add(String part, int lineNumber) {
            Matcher found = LOOP.matcher(part);
            if (loopLine == null && found.find()) {
                loopLine = lineNumber;
                loop = found.group().replaceAll("\\s+", " ");
            }
            text.append(part).append('\n');
        }

        Optional<RuleProblem> problem(String file) {
            if (loopLine == null || WAY_OUT.matcher(text).find()) {
                return Optional.empty();
            }
            return Optional.of(new RuleProblem(file, loopLine, null, null, null,
                    (rule == null ? "a rule" : "rule '" + rule + "'") + " loops forever: '" + loop
                            + "' with no break, return or throw in its consequence would hold a thread on every lead "
                            + "it matches; bound the loop"));
        }
    }
}

package org.leadrouter.rules.tables;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** What a column of a rule table is, from the exact word in its keyword row. */
enum Keyword {
    NAME, PRIORITY, CONDITION, ACTION, RULEFLOW_GROUP("RULEFLOW-GROUP"), DESCRIPTION;

    private final String word;

    Keyword() {
        this.word = name();
    }

    Keyword(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    static Optional<Keyword> exactly(String text) {
        return Arrays.stream(values()).filter(k -> k.word.equals(text)).findFirst();
    }

    /** The keyword a misspelt label was most likely meant to be, for the error message. */
    static Keyword closest(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).min(Comparator.comparingInt(k -> Spelling.distance(upper, k.word))).orElseThrow();
    }

    static String all() {
        return String.join(", ", Arrays.stream(values()).map(Keyword::word).toList());
    }
}

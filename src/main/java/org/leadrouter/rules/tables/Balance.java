package org.leadrouter.rules.tables;

/** Quotes and brackets that do not pair up, the commonest typing slip in a code or value cell. */
final class Balance {

    private Balance() {
    }

    /** Why a cell cannot be complete code: an open quote or a bracket not closed; null when it balances. */
    static String check(String code) {
        if (code.chars().filter(ch -> ch == '"').count() % 2 != 0) {
            return "the quotes do not balance: a quote is opened and never closed";
        }
        String outside = code.replaceAll("\"[^\"]*\"", "");
        for (String pair : new String[] {"()", "{}", "[]"}) {
            long open = outside.chars().filter(ch -> ch == pair.charAt(0)).count();
            long close = outside.chars().filter(ch -> ch == pair.charAt(1)).count();
            if (open != close) {
                return "the brackets do not balance: " + open + " '" + pair.charAt(0) + "' and " + close + " '"
                        + pair.charAt(1) + "'";
            }
        }
        return null;
    }
}

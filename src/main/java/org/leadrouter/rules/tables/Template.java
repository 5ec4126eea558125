package org.leadrouter.rules.tables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code row of one column and how a cell's value is put into it:
 * <ul>
 * <li>a bare property ({@code estimatedValue}, {@code attribute("accountType")}): the cell is an
 *     analyst-friendly value, see {@link #field};</li>
 * <li>{@code $param}: the cell's text replaces it; {@code $1}, {@code $2}: the cell's
 *     comma-separated values replace them;</li>
 * <li>{@code forall(||){region == "$"}}: the snippet once per comma-separated value, joined;</li>
 * <li>anything else: used as written when the cell is not blank.</li>
 * </ul>
 */
final class Template {

    private static final Pattern FIELD = Pattern.compile("attribute\\(\"[^\"]*\"\\)|[A-Za-z_]\\w*");
    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*(attribute\\(\"[^\"]*\"\\)|[A-Za-z_]\\w*)\\s*(==|!=|>=|<=|>|<)\\s*(\"?)\\$param\\3\\s*");
    private static final Pattern FORALL = Pattern.compile("forall\\(([^)]*)\\)\\{(.*)}");
    private static final Pattern INDEX = Pattern.compile("\\$(\\d)");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPERATOR_FIRST = Pattern.compile("(>=|<=|!=|<>|==|=|>|<)\\s*(.*)");
    private static final Pattern NUMBER_RANGE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(?:-|to)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern DATE_RANGE = Pattern.compile("(\\S+)\\s+(?:-|to)\\s+(\\S+)");

    private final String code;
    private final String field;
    private final ValueType type;
    private final String operator;
    private final boolean quoted;

    private Template(String code, String field, ValueType type, String operator, boolean quoted) {
        this.code = code;
        this.field = field;
        this.type = type;
        this.operator = operator;
        this.quoted = quoted;
    }

    /** @param fact the object the column's conditions test ({@code Lead}), or null for an action */
    static Template of(String code, String fact) {
        if (fact != null && FIELD.matcher(code).matches()) {
            return new Template(code, code, ValueType.of(fact, code), null, false);
        }
        Matcher comparison = COMPARISON.matcher(code);
        if (fact != null && comparison.matches()) {
            return new Template(code, comparison.group(1), ValueType.of(fact, comparison.group(1)), comparison.group(2),
                    !comparison.group(3).isEmpty());
        }
        return new Template(code, null, ValueType.UNKNOWN, null, code.contains("\"$param\"") || code.contains("\"$\""));
    }

    boolean friendly() {
        return field != null && operator == null;
    }

    ValueType type() {
        return type;
    }

    /** The cell's code; the value is not blank. */
    CellCode expand(String value) {
        if (friendly()) {
            return field(value);
        }
        if (code.contains("$param")) {
            return param(value);
        }
        Matcher forall = FORALL.matcher(code);
        if (forall.find()) {
            return forall(value, forall);
        }
        if (INDEX.matcher(code).find()) {
            return indexed(value);
        }
        return new CellCode(code, new Match.Opaque(code));
    }

    private CellCode param(String value) {
        checkQuotes(value);
        Matcher operatorFirst = OPERATOR_FIRST.matcher(value);
        if (operator != null && operatorFirst.matches()) {
            throw new CellProblem("the column's code (" + code + ") already compares; write the value only, "
                    + "or make the code just " + field + " to write comparisons and ranges in the cells");
        }
        if (operator != null && !quoted && !type.accepts(value)) {
            throw new CellProblem(type.expected());
        }
        Match match = "==".equals(operator) ? new Match.Values(Set.of(value)) : new Match.Opaque(value);
        return new CellCode(code.replace("$param", value), match);
    }

    private CellCode forall(String value, Matcher forall) {
        List<String> values = list(value);
        values.forEach(this::checkQuotes);
        String joined = String.join(" " + forall.group(1) + " ",
                values.stream().map(v -> forall.group(2).replace("$", v)).toList());
        String drl = code.substring(0, forall.start()) + "(" + joined + ")" + code.substring(forall.end());
        Match match = forall.group(2).matches("\\s*[\\w\"()]+\\s*==\\s*\"?\\$\"?\\s*")
                ? new Match.Values(new LinkedHashSet<>(values)) : new Match.Opaque(value);
        return new CellCode(drl, match);
    }

    private CellCode indexed(String value) {
        List<String> values = list(value);
        values.forEach(this::checkQuotes);
        int needed = INDEX.matcher(code).results().mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        if (values.size() < needed) {
            throw new CellProblem(needed + " values separated by commas are expected here (the column's code is " + code + ")");
        }
        String drl = code;
        for (int i = values.size(); i >= 1; i--) {
            drl = drl.replace("$" + i, values.get(i - 1));
        }
        return new CellCode(drl, new Match.Opaque(value));
    }

    /**
     * An analyst-friendly cell on a bare property: {@code any}; a comparison ({@code >= 40000});
     * a range ({@code 10000-50000}, both ends included; dates as {@code 2026-01-01 to 2026-03-31}),
     * or two comparisons ({@code > 10000 and <= 250000});
     * a list ({@code london, south-east}); or one value.
     */
    private CellCode field(String value) {
        if (value.equalsIgnoreCase("any")) {
            return CellCode.NOTHING;
        }
        String[] bounds = AND.split(value);
        if (bounds.length > 1) {
            List<CellCode> parts = Arrays.stream(bounds).map(this::comparison).toList();
            if (parts.contains(null) || !parts.stream().allMatch(p -> p.match() instanceof Match.Range)) {
                throw new CellProblem("both sides of 'and' must be comparisons with < or >, e.g. > 10000 and <= 250000");
            }
            Match.Range match = (Match.Range) parts.get(0).match();
            for (CellCode part : parts.subList(1, parts.size())) {
                match = match.and((Match.Range) part.match());
            }
            return new CellCode(guarded(String.join(" && ", parts.stream().map(CellCode::drl).toList())), match);
        }
        CellCode comparison = comparison(value);
        if (comparison != null) {
            return new CellCode(guarded(comparison.drl()), comparison.match());
        }
        Matcher range = (type == ValueType.DATE ? DATE_RANGE : NUMBER_RANGE).matcher(value);
        if (type.ordered() && range.matches()) {
            String low = range.group(1);
            String high = range.group(2);
            literal(low);
            literal(high);
            if (((Comparable) comparable(low)).compareTo(comparable(high)) > 0) {
                throw new CellProblem("the range is upside down: write the smaller value first, e.g. " + high + "-" + low);
            }
            return new CellCode(guarded(field + " >= " + type.literal(low) + " && " + field + " <= " + type.literal(high)),
                    new Match.Range(comparable(low), true, comparable(high), true));
        }
        List<String> values = list(value);
        if (values.size() > 1) {
            String literals = String.join(", ", values.stream().map(this::literal).toList());
            return new CellCode(field + " in (" + literals + ")", new Match.Values(new LinkedHashSet<>(values)));
        }
        return new CellCode(field + " == " + literal(value), new Match.Values(Set.of(value)));
    }

    /** A cell starting with an operator ({@code >= 40000}) as an unguarded constraint; null when it does not. */
    private CellCode comparison(String value) {
        Matcher comparison = OPERATOR_FIRST.matcher(value.trim());
        if (!comparison.matches()) {
            return null;
        }
        String op = switch (comparison.group(1)) {
            case "=" -> "==";
            case "<>" -> "!=";
            default -> comparison.group(1);
        };
        String operand = comparison.group(2).trim();
        boolean equality = op.equals("==") || op.equals("!=");
        if (!equality && !type.ordered()) {
            throw new CellProblem("a comparison such as " + op + " needs a number or date column; " + field
                    + " holds " + (type == ValueType.UNKNOWN ? "values that cannot be compared" : "text")
                    + ": list the values instead, e.g. a, b");
        }
        String literal = literal(operand);
        Match match = switch (op) {
            case "==" -> new Match.Values(Set.of(operand));
            case ">" -> new Match.Range(comparable(operand), false, null, false);
            case ">=" -> new Match.Range(comparable(operand), true, null, false);
            case "<" -> new Match.Range(null, false, comparable(operand), false);
            case "<=" -> new Match.Range(null, false, comparable(operand), true);
            default -> new Match.Opaque(value);
        };
        return new CellCode(field + " " + op + " " + literal, match);
    }

    private String guarded(String constraint) {
        return type.ordered() ? field + " != null && " + constraint : constraint;
    }

    private String literal(String value) {
        if (value.contains("\"")) {
            throw new CellProblem("quotes are not needed: write the value alone, the column adds them");
        }
        if (!type.accepts(value)) {
            throw new CellProblem(type.expected());
        }
        return type.literal(value);
    }

    private Comparable<?> comparable(String value) {
        return type == ValueType.DATE ? LocalDate.parse(value) : new BigDecimal(value);
    }

    private void checkQuotes(String value) {
        if (quoted && value.contains("\"")) {
            throw new CellProblem("quotes are not needed: write the value alone, the column's code (" + code
                    + ") already puts it in quotes");
        }
        String unbalanced = Balance.check(value);
        if (unbalanced != null) {
            throw new CellProblem(unbalanced);
        }
    }

    private static List<String> list(String value) {
        List<String> values = Arrays.stream(value.split(",")).map(String::trim).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new CellProblem("an empty value in the list: separate values with one comma, e.g. a, b");
        }
        return values;
    }
}

package org.leadrouter.rules.tables;

import java.util.ArrayList;
import java.util.List;
import org.leadrouter.rules.RuleProblem;

/** What reading and linting one table file found: errors reject the version, warnings are reported. */
final class Findings {

    private final String file;
    private final List<RuleProblem> errors = new ArrayList<>();
    private final List<RuleProblem> warnings = new ArrayList<>();

    Findings(String file) {
        this.file = file;
    }

    void error(Grid grid, int row, int column, String message) {
        errors.add(at(grid, row, column, message));
    }

    void warn(Grid grid, int row, int column, String message) {
        warnings.add(at(grid, row, column, message));
    }

    /** A problem of the whole file (it cannot be opened): there is no cell to name. */
    void error(String message, Integer line) {
        errors.add(new RuleProblem(file, line, null, null, null, message));
    }

    RuleProblem at(Grid grid, int row, int column, String message) {
        // A CSV table has no sheet; its row is also the line an editor shows.
        Integer line = grid.sheet() == null ? row + 1 : null;
        return new RuleProblem(file, line, null, grid.sheet(), Grid.address(row, column), message);
    }

    List<RuleProblem> errors() {
        return List.copyOf(errors);
    }

    List<RuleProblem> warnings() {
        return List.copyOf(warnings);
    }
}

package org.leadrouter.scenarios;

import java.util.List;

/** One row of a scenario file as text cells, with the row number the analyst sees. */
record TableRow(int number, List<String> cells) {

    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}

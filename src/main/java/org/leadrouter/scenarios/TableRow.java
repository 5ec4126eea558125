package org.leadrouter.scenarios;

import java.util.List;

/** One row of a scenario file as text cells, with the row number the analyst sees. */
public record TableRow(int number, List<String> cells) {

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}

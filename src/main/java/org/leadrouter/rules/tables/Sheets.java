package org.leadrouter.rules.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.leadrouter.scenarios.CsvTable;
import org.leadrouter.scenarios.TableRow;
import org.leadrouter.scenarios.XlsxTable;

/**
 * Reads the sheets of a decision table file as the analyst sees them. Sheets whose name starts
 * with {@value #SKIP_MARKER} are notes or parked rules and are left out, as are sheets without a
 * rule table (a scenarios or instructions sheet).
 */
final class Sheets {

    static final String SKIP_MARKER = "_";

    private Sheets() {
    }

    /** @throws IllegalArgumentException in plain words, when the file is not a readable table */
    static List<Grid> read(String file, byte[] content) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return List.of(csv(content));
        }
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            List<Grid> grids = new ArrayList<>();
            for (Sheet sheet : book) {
                if (!sheet.getSheetName().startsWith(SKIP_MARKER)) {
                    grids.add(grid(sheet));
                }
            }
            return grids;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the workbook cannot be opened (" + e.getClass().getSimpleName()
                    + "): it is damaged or not a spreadsheet; save it again from Excel or LibreOffice Calc as .xlsx", e);
        }
    }

    private static Grid grid(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            while (rows.size() < row.getRowNum()) {
                rows.add(List.of());
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                cells.add(XlsxTable.text(row.getCell(c)));
            }
            rows.add(cells);
        }
        return new Grid(sheet.getSheetName(), rows, List.copyOf(sheet.getMergedRegions()));
    }

    /** Rows are placed at their line, so a cell's address matches what an editor shows. */
    private static Grid csv(byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        for (TableRow row : CsvTable.parse(new String(content, StandardCharsets.UTF_8))) {
            while (rows.size() < row.number() - 1) {
                rows.add(List.of());
            }
            rows.add(row.cells());
        }
        return new Grid(null, rows, List.of());
    }
}

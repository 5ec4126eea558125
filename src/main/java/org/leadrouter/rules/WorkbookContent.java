package org.leadrouter.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What a workbook says, as text: every sheet's name, merged ranges and non-blank cells (value,
 * formula, number format). Everything a decision table compiles from is in it; nothing a save
 * changes by itself (timestamps, zip layout, column widths, fonts) is.
 */
final class WorkbookContent {

    private WorkbookContent() {
    }

    /** Empty when the bytes are not a readable workbook: such a file is then known by its bytes. */
    static Optional<byte[]> of(byte[] workbook) {
        StringBuilder text = new StringBuilder();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                text.append("sheet\t").append(sheet.getSheetName()).append('\n');
                sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).sorted()
                        .forEach(range -> text.append("merged\t").append(range).append('\n'));
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        appendCell(text, cell);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void appendCell(StringBuilder text, Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.BLANK) {
            return;
        }
        text.append(cell.getAddress().formatAsString()).append('\t').append(type).append('\t');
        if (type == CellType.FORMULA) {
            text.append(cell.getCellFormula()).append('\t');
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case STRING -> text.append(cell.getStringCellValue());
            // A number's format decides how the table reads it (a date, 40000 or 40,000.00).
            case NUMERIC -> text.append(cell.getNumericCellValue()).append('\t')
                    .append(cell.getCellStyle().getDataFormatString());
            case BOOLEAN -> text.append(cell.getBooleanCellValue());
            case ERROR -> text.append(cell.getErrorCellValue());
            default -> { }
        }
        text.append('\n');
    }
}

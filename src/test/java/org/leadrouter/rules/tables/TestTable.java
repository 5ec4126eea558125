package org.leadrouter.rules.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A routing table written with Apache POI, laid out as docs/rules.md shows, that a test changes
 * cell by cell to make one mistake at a known cell:
 *
 * <pre>
 *    A                B         C                     D       E               F                          G
 * 1  RuleSet          rules.test
 * 3  RuleTable Routing
 * 4  NAME             PRIORITY  CONDITION             CONDITION CONDITION     ACTION                     ACTION
 * 5                             Lead (merged C5:E5)
 * 6                             product == "$param"   region  estimatedValue  decision.route("$param"..) decision.fallback("$param"..)
 * 7  Rule             Priority  Product               Region  Value           Queue                      Fallback queue
 * 8  Motor in London  200       motor                 LONDON                  q-motor-london
 * 9  Big home         200       home                          >= 40000        q-home-big
 * 10 Home             100       home                                          q-home
 * 11 Catch-all        -1000                                                                              test-general
 * </pre>
 */
public final class TestTable {

    private final Workbook book = new XSSFWorkbook();

    private TestTable() {
    }

    public static TestTable routing() {
        return routing("Routing");
    }

    public static TestTable routing(String sheetName) {
        TestTable table = new TestTable();
        table.sheet(sheetName);
        table.setOn(sheetName, "A1", "RuleSet", "rules.test");
        table.setOn(sheetName, "A3", "RuleTable Routing");
        table.setOn(sheetName, "A4", "NAME", "PRIORITY", "CONDITION", "CONDITION", "CONDITION", "ACTION", "ACTION");
        // Every cell of a merged range must exist, or POI leaves the range half made.
        table.setOn(sheetName, "A5", "", "", "Lead", "", "", "", "");
        table.merge(sheetName, "C5:E5");
        table.setOn(sheetName, "A6", "", "", "product == \"$param\"", "region", "estimatedValue",
                "decision.route(\"$param\", \"from the table\");",
                "decision.fallback(\"$param\", \"No specific rule matched\");");
        table.setOn(sheetName, "A7", "Rule", "Priority", "Product", "Region", "Value", "Queue", "Fallback queue");
        table.setOn(sheetName, "A8", "Motor in London", "200", "motor", "LONDON", "", "q-motor-london");
        table.setOn(sheetName, "A9", "Big home", "200", "home", "", ">= 40000", "q-home-big");
        table.setOn(sheetName, "A10", "Home", "100", "home", "", "", "q-home");
        table.setOn(sheetName, "A11", "Catch-all", "-1000", "", "", "", "", "test-general");
        return table;
    }

    public TestTable sheet(String name) {
        book.createSheet(name);
        return this;
    }

    /** Writes values into the first sheet from the cell named, rightwards; PRIORITY-like numbers stay text, as typed. */
    public TestTable set(String address, String... values) {
        return setOn(book.getSheetAt(0).getSheetName(), address, values);
    }

    public TestTable setOn(String sheetName, String address, String... values) {
        Sheet sheet = book.getSheet(sheetName);
        CellReference at = new CellReference(address);
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.getCell(at.getCol() + i) == null ? row.createCell(at.getCol() + i) : row.getCell(at.getCol() + i);
            if (values[i].matches("-?\\d+")) {
                cell.setCellValue(Double.parseDouble(values[i]));
            } else {
                cell.setCellValue(values[i]);
            }
        }
        return this;
    }

    /** Empties a whole row of the first sheet. */
    public TestTable clearRow(int rowNumber) {
        Row row = book.getSheetAt(0).getRow(rowNumber - 1);
        if (row != null) {
            book.getSheetAt(0).removeRow(row);
        }
        return this;
    }

    public TestTable merge(String range) {
        return merge(book.getSheetAt(0).getSheetName(), range);
    }

    public TestTable merge(String sheetName, String range) {
        book.getSheet(sheetName).addMergedRegion(CellRangeAddress.valueOf(range));
        return this;
    }

    public TestTable unmerge(String range) {
        Sheet sheet = book.getSheetAt(0);
        for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
            if (sheet.getMergedRegion(i).formatAsString().equals(range)) {
                sheet.removeMergedRegion(i);
            }
        }
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

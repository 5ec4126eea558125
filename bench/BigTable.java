import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an insurance decision table with many rule rows, for measuring how long a large table
 * takes to reload: one rule per partner campaign code (source "partner-00001", ...), each routing
 * to one of 50 partner queues. No sample lead or scenario has such a source, so the table changes
 * no existing route.
 *
 * <pre>java -cp "$(cat classpath.txt)" bench/BigTable.java partners.drl.xlsx 10000</pre>
 */
public class BigTable {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        // Streaming workbook: only a window of rows is kept in memory while writing.
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); OutputStream file = Files.newOutputStream(out)) {
            Sheet sheet = book.createSheet("Partners");
            set(sheet, 0, "RuleSet", "rules.insurance.partners");
            set(sheet, 1, "Import", "org.leadrouter.facts.Lead");
            set(sheet, 2, "Variables", "org.leadrouter.facts.Decision decision");
            set(sheet, 4, "RuleTable Partner campaigns");
            set(sheet, 5, "NAME", "CONDITION", "ACTION");
            set(sheet, 6, "", "Lead", "");
            set(sheet, 7, "", "source == \"$param\"", "decision.route(\"$param\", \"Partner campaign desk\");");
            set(sheet, 8, "Name", "Campaign code", "Queue");
            for (int i = 1; i <= rows; i++) {
                String code = String.format("partner-%05d", i);
                set(sheet, 8 + i, "Campaign " + code, code, "insurance-partner-" + (i % 50));
            }
            book.write(file);
        }
    }

    private static void set(Sheet sheet, int rowIndex, String... values) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}

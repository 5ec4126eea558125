package org.leadrouter.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.rules.RuleProblem;

class ScenarioFileTest {

    private static final String HEADER = "scenario,description,product,postcode,existingCustomer,estimatedValue,"
            + "contractEndDate,contact.email,attributes.fibreAvailable,attributes.lines,expectedQueue,expectedPriority,"
            + "expectedFallback,expectedSkills\n";

    @TempDir
    Path dir;

    @Test
    void readsCsvRowsIntoLeadsTypedAsTheServiceTypesThem() throws IOException {
        ScenarioFile file = csv(HEADER
                + "Fibre lead,\"Quoted, with a comma\",broadband,sw1a1aa,TRUE,1500.50,2026-03-01,a@example.com,true,3,"
                + "telecoms-fibre,2,false,\"retention:5; welsh-language\"\n");

        assertEquals(List.of(), file.problems());
        Scenario scenario = file.scenarios().get(0);
        assertEquals("scenarios.csv", scenario.file());
        assertEquals(2, scenario.row());
        assertEquals("Fibre lead", scenario.name());
        assertEquals("Quoted, with a comma", scenario.description());
        LeadInput lead = scenario.lead();
        assertEquals("telecoms", lead.segment());
        assertEquals("telecoms-scenario-row-2", lead.id());
        assertEquals(ScenarioFile.DEFAULT_RECEIVED_AT, lead.receivedAt());
        assertEquals("sw1a1aa", lead.postcode(), "normalising is the pipeline's job, not the reader's");
        assertEquals(Boolean.TRUE, lead.existingCustomer());
        assertEquals(0, new BigDecimal("1500.50").compareTo(lead.estimatedValue()));
        assertEquals(LocalDate.of(2026, 3, 1), lead.contractEndDate());
        assertEquals("a@example.com", lead.contact().email());
        assertEquals(Map.of("fibreAvailable", true, "lines", 3L), lead.attributes());
        assertEquals(new Scenario.Expected("telecoms-fibre", 2, false, Map.of("retention", 5, "welsh-language", 1)),
                scenario.expected());
    }

    @Test
    void blankExpectationsAreNotCheckedAndNoneMeansNoSkills() throws IOException {
        ScenarioFile file = csv("scenario,expectedQueue,expectedSkills,receivedAt\n"
                + "Only the queue,q1,,\n"
                + "No skills,q2,none,2026-05-01T08:00:00+01:00\n");

        assertEquals(List.of(), file.problems());
        assertEquals(new Scenario.Expected("q1", null, null, null), file.scenarios().get(0).expected());
        assertEquals(Map.of(), file.scenarios().get(1).expected().skills());
        assertEquals(Instant.parse("2026-05-01T07:00:00Z"), file.scenarios().get(1).lead().receivedAt());
    }

    @Test
    void aBadRowIsReportedWithItsLineAndEveryBadCellWhileGoodRowsStillLoad() throws IOException {
        ScenarioFile file = csv(HEADER
                + "Good,,motor,SW1A 1AA,,,,,,,q,,,\n"
                + "\n"
                + "\"Multi\nline name\",,motor,SW1A 1AA,,,,,,,q,,,\n"
                + "Bad,,motor,SW1A 1AA,maybe,lots,31/01/2027,,,,q,9,perhaps,\n"
                + ",,motor,,,,,,,,,,,\n");

        assertEquals(List.of("Good", "Multi\nline name"), file.scenarios().stream().map(Scenario::name).toList());
        assertEquals(4, file.scenarios().get(1).row());
        assertEquals(2, file.problems().size(), file.problems().toString());
        RuleProblem bad = file.problems().get(0);
        assertEquals("scenarios.csv", bad.file());
        assertEquals(6, bad.line());
        assertTrue(bad.message().startsWith("row 6 'Bad': "), bad.message());
        for (String field : List.of("existingCustomer", "estimatedValue", "contractEndDate", "expectedPriority",
                "expectedFallback")) {
            assertTrue(bad.message().contains(field), field + " missing from: " + bad.message());
        }
        RuleProblem unnamed = file.problems().get(1);
        assertEquals(7, unnamed.line());
        assertTrue(unnamed.message().contains("no name") && unnamed.message().contains("expectedQueue is empty"),
                unnamed.message());
    }

    @Test
    void aBadHeaderNamesTheColumnAndLoadsNoRows() throws IOException {
        ScenarioFile file = csv("scenario,segment,expectedQeue,product\nA,insurance,q,motor\n");

        assertTrue(file.scenarios().isEmpty());
        List<String> messages = file.problems().stream().map(RuleProblem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("column 'segment'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("unknown column 'expectedQeue'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("no 'expectedQueue' column")), messages.toString());
        assertTrue(file.problems().stream().allMatch(p -> p.line() == 1));
    }

    @Test
    void headerNamesIgnoreCaseButAttributeNamesKeepIt() throws IOException {
        ScenarioFile file = csv("Scenario,PRODUCT,Contact.Email,attributes.accountType,ExpectedQueue\n"
                + "A,motor,a@example.com,business,q\n");

        assertEquals(List.of(), file.problems());
        LeadInput lead = file.scenarios().get(0).lead();
        assertEquals("motor", lead.product());
        assertEquals("a@example.com", lead.contact().email());
        assertEquals(Map.of("accountType", "business"), lead.attributes());
    }

    @Test
    void anOpenQuoteOrAnEmptyFileIsAProblemOfTheFile() throws IOException {
        ScenarioFile open = csv("scenario,expectedQueue\n\"A,q\n");
        assertTrue(open.problems().get(0).message().contains("not closed"), open.problems().toString());

        ScenarioFile empty = csv("\n\n");
        assertEquals(1, empty.problems().size());
        assertTrue(empty.scenarios().isEmpty());
    }

    @Test
    void readsXlsxCellsTypedByExcelBackAsLeadText() throws IOException {
        Path file = dir.resolve("scenarios.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Scenarios");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTimeStyle = workbook.createCellStyle();
            dateTimeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row header = sheet.createRow(0);
            String[] names = {"scenario", "product", "estimatedValue", "existingCustomer", "contractEndDate",
                    "receivedAt", "contact.phone", "expectedQueue", "expectedPriority"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            // Row 2 left empty: blank rows are skipped, row numbers stay the sheet's.
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("Commercial from Excel");
            row.createCell(1).setCellValue("commercial");
            row.createCell(2).setCellValue(300000d);
            row.createCell(3).setCellValue(true);
            row.createCell(4).setCellValue(LocalDate.of(2026, 2, 1));
            row.getCell(4).setCellStyle(dateStyle);
            row.createCell(5).setCellValue(LocalDateTime.of(2026, 7, 1, 9, 30));
            row.getCell(5).setCellStyle(dateTimeStyle);
            row.createCell(6).setCellValue("07700 900001");
            row.createCell(7).setCellValue("insurance-commercial");
            row.createCell(8).setCellValue(2d);
            Row bad = sheet.createRow(3);
            bad.createCell(0).setCellValue("Bad value");
            bad.createCell(2).setCellValue("a lot");
            bad.createCell(7).setCellValue("q");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        ScenarioFile read = ScenarioFile.read("insurance", file);

        assertEquals("scenarios.xlsx", read.name());
        Scenario scenario = read.scenarios().get(0);
        assertEquals(3, scenario.row());
        LeadInput lead = scenario.lead();
        assertEquals(0, new BigDecimal("300000").compareTo(lead.estimatedValue()));
        assertEquals(Boolean.TRUE, lead.existingCustomer());
        assertEquals(LocalDate.of(2026, 2, 1), lead.contractEndDate());
        assertEquals(Instant.parse("2026-07-01T08:30:00Z"), lead.receivedAt(), "Excel times are UK local time");
        assertEquals("07700 900001", lead.contact().phone());
        assertEquals(2, scenario.expected().priority());
        assertEquals(1, read.problems().size());
        assertEquals("scenarios.xlsx", read.problems().get(0).file());
        assertEquals(4, read.problems().get(0).line());
        assertTrue(read.problems().get(0).message().contains("estimatedValue must be a number"),
                read.problems().get(0).message());
    }

    @Test
    void findsCsvAndXlsxScenarioFilesButNotLockFilesOrRules() throws IOException {
        for (String name : List.of("scenarios.csv", "scenarios.xlsx", "~$scenarios.xlsx", ".~lock.scenarios.csv#",
                "routing.drl", "scenarios.txt")) {
            Files.writeString(dir.resolve(name), "");
        }

        assertEquals(List.of("scenarios.csv", "scenarios.xlsx"),
                ScenarioFile.in(dir).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void anUnreadableWorkbookIsAProblemNotAnException() throws IOException {
        Path file = Files.writeString(dir.resolve("scenarios.xlsx"), "not a workbook");

        ScenarioFile read = ScenarioFile.read("insurance", file);

        assertTrue(read.scenarios().isEmpty());
        assertFalse(read.problems().isEmpty());
        assertNull(read.problems().get(0).line());
    }

    private ScenarioFile csv(String content) throws IOException {
        return ScenarioFile.read("telecoms", Files.writeString(dir.resolve("scenarios.csv"), content));
    }
}

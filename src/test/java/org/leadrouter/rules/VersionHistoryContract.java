package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.versions.JdbcVersionJournal;

/**
 * Versions outlive the process: each test starts registries one after the other over the same
 * database and rules folder, as the service is restarted. One subclass per database.
 */
abstract class VersionHistoryContract {

    private static final AtomicInteger SEGMENTS = new AtomicInteger();

    @TempDir
    Path root;

    abstract DataSource dataSource();

    @Test
    void historyRejectionsRollbackAndWhoDidItSurviveARestart() {
        String segment = newSegment();
        write(segment, TestRulePackages.routingTo("q-1", 1));
        String v1 = start().status(segment).orElseThrow().rulesetVersion();
        SegmentRegistry first = start();
        write(segment, TestRulePackages.routingTo("q-2", 2));
        String v2 = first.reload(segment, "ana").activeVersion();
        write(segment, TestRulePackages.unknownField());
        ReloadOutcome broken = first.reload(segment, "bo");

        SegmentRegistry second = start();

        SegmentStatus status = second.status(segment).orElseThrow();
        assertEquals(v2, status.rulesetVersion(), "the last good version decides, compiled from the record");
        assertEquals(List.of(v2, v1), status.history().stream().map(SegmentStatus.Version::version).toList());
        assertEquals(Map.of("checkedFiles", 1), status.gates().get(0).report(), "gate reports are kept");
        assertEquals(broken.candidateVersion(), status.lastRejected().version());
        assertEquals(List.of("routing.drl, line 6, column 10: rule 'Postcode': unknown field 'postcde' on Lead"),
                status.lastRejected().errors().stream().map(RuleProblem::describe).toList());
        assertEquals("q-2", decide(second, segment));

        ReloadOutcome back = second.rollback(segment, "cy").orElseThrow();
        assertEquals(v1, back.activeVersion(), "rolled back to a version compiled from its stored files");
        assertEquals("q-1", decide(second, segment));

        write(segment, TestRulePackages.routingTo("q-2", 2));
        SegmentRegistry third = start();
        assertEquals(v1, third.status(segment).orElseThrow().rulesetVersion());
        assertEquals(List.of(v2), third.status(segment).orElseThrow().rolledBack(), "the rollback holds after a restart");
        assertEquals(ReloadOutcome.Result.WITHHELD, third.reload(segment).result());
        assertEquals("q-1", decide(third, segment));

        List<VersionEvent> changes = journal().recent(segment, 10);
        assertEquals(List.of("ROLLED_BACK " + v2 + " by cy", "REJECTED " + broken.candidateVersion() + " by null",
                        "REJECTED " + broken.candidateVersion() + " by bo", "PROMOTED " + v2 + " by ana",
                        "PROMOTED " + v1 + " by null"),
                changes.stream().map(c -> c.kind() + " " + c.version() + " by " + c.actor()).toList());
        assertEquals(v1, changes.get(0).to());
        assertEquals(List.of("routing.drl"), List.copyOf(changes.get(3).fileHashes().keySet()));
        assertNotEquals(changes.get(3).fileHashes(), changes.get(4).fileHashes(), "which file changed, by its hash");
    }

    @Test
    void aFolderRemovedWhileTheServiceIsDownRetiresItsHistory() throws IOException {
        String segment = newSegment();
        write(segment, TestRulePackages.routingTo("q-1", 1));
        SegmentRegistry first = start();
        write(segment, TestRulePackages.routingTo("q-2", 2));
        first.reload(segment);
        Files.delete(root.resolve(segment).resolve("routing.drl"));
        Files.delete(root.resolve(segment));

        assertFalse(start().knows(segment));
        assertEquals(VersionEvent.Kind.RETIRED, journal().recent(segment, 1).get(0).kind());

        write(segment, TestRulePackages.routingTo("q-1", 1));
        SegmentStatus fresh = start().status(segment).orElseThrow();
        assertEquals(1, fresh.history().size(), "a folder of the same name starts afresh");
    }

    @Test
    void savingIdenticalCellsIsTheSameVersionAndNoNewOne() {
        String segment = newSegment();
        byte[] table = TestRulePackages.routingTable("Routing", "postcode");
        write(segment, TestRulePackages.routingTo("q-catch-all", 1));
        TestRulePackages.write(root.resolve(segment).resolve("routing.drl.xlsx"), table);
        SegmentRegistry registry = start();
        String version = registry.status(segment).orElseThrow().rulesetVersion();

        byte[] resaved = edit(table, book -> book.getSheetAt(0).setColumnWidth(0, 40 * 256));
        assertFalse(Arrays.equals(table, resaved), "saved again, the file's bytes differ");
        TestRulePackages.write(root.resolve(segment).resolve("routing.drl.xlsx"), resaved);

        assertEquals(ReloadOutcome.Result.UNCHANGED, registry.reload(segment).result());
        assertEquals(version, start().status(segment).orElseThrow().rulesetVersion());
        assertEquals(List.of(VersionEvent.Kind.PROMOTED), journal().recent(segment, 10).stream().map(VersionEvent::kind).toList());

        TestRulePackages.write(root.resolve(segment).resolve("routing.drl.xlsx"),
                edit(resaved, book -> book.getSheetAt(0).getRow(9).getCell(3).setCellValue("table-motor-se")));
        ReloadOutcome changed = registry.reload(segment);
        assertEquals(ReloadOutcome.Result.PROMOTED, changed.result(), "one cell changed is a new version");
        assertNotEquals(version, changed.activeVersion());
    }

    private SegmentRegistry start() {
        SegmentRegistry registry = new SegmentRegistry(TestRulesConfig.of(root),
                List.of(SegmentRegistryTest.gate("count", 10, (candidate, active) ->
                        GateResult.pass("count", Map.of("checkedFiles", candidate.files().size())))),
                TestWatchdog.SHARED, journal());
        registry.reloadAll();
        return registry;
    }

    private JdbcVersionJournal journal() {
        return new JdbcVersionJournal(dataSource());
    }

    /** Each test its own segment: a PostgreSQL server serves the whole class. */
    private static String newSegment() {
        return "history-" + SEGMENTS.incrementAndGet() + "-" + System.nanoTime();
    }

    private void write(String segment, String drl) {
        TestRulePackages.write(root.resolve(segment).resolve("routing.drl"), drl);
    }

    private static String decide(SegmentRegistry registry, String segment) {
        return registry.active(segment).orElseThrow().evaluate(RulePackageLoaderTest.lead("motor", "SW1A 1AA"))
                .decision().getQueue();
    }

    private static byte[] edit(byte[] workbook, Consumer<Workbook> change) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.leadrouter.check;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.leadrouter.routing.LeadFacts;
import org.leadrouter.routing.RegionDirectory;
import org.leadrouter.scenarios.ScenarioGate;
import java.util.stream.Stream;
import org.leadrouter.rules.EvaluationWatchdog;
import org.leadrouter.rules.GateResult;
import org.leadrouter.rules.LoadResult;
import org.leadrouter.rules.PromotionGate;
import org.leadrouter.rules.PromotionGates;
import org.leadrouter.rules.ReloadOutcome;
import org.leadrouter.rules.RuleFiles;
import org.leadrouter.rules.RulePackageLoader;
import org.leadrouter.rules.RuleProblem;

/**
 * The analysts' check, run without the service: {@code check <folder>...} compiles each segment
 * folder (or each segment folder of a rules root) exactly as the service would, prints every
 * problem in the service's words, and exits non-zero if any segment would be rejected.
 */
public final class RulesCheck {

    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: check <segment folder or rules root>...";
    /** The service's default (leadrouter.rules.max-firings); only the catch-all check runs rules here. */
    private static final int MAX_FIRINGS = 1000;
    /** The service's default (leadrouter.rules.deadline): a scenario reaching a rule that hangs fails, not the check. */
    private static final Duration DEADLINE = Duration.ofMillis(200);

    private final RulePackageLoader loader;
    private final PromotionGates gates;

    /**
     * @param gates promotion gates that need nothing of the running service; they run after a
     *              folder compiles, as in the service: the scenarios (see {@link #offlineGates()});
     *              the replay gate needs recorded leads and so only runs in the service.
     */
    public RulesCheck(RulePackageLoader loader, List<PromotionGate> gates) {
        this.loader = loader;
        this.gates = new PromotionGates(gates);
    }

    /** The gates the check runs besides compiling: the scenarios, with the service's own lead preparation. */
    static List<PromotionGate> offlineGates() {
        return List.of(new ScenarioGate(new LeadFacts(new RegionDirectory(Optional.empty()))));
    }

    public static void main(String[] args) {
        EvaluationWatchdog watchdog = new EvaluationWatchdog(DEADLINE, stopped -> { });
        int code = new RulesCheck(new RulePackageLoader(MAX_FIRINGS, watchdog), offlineGates()).run(List.of(args), System.out);
        // Always exit explicitly: engine threads must not keep a finished check alive.
        System.exit(code);
    }

    /** Runs the command; returns the exit code instead of exiting, so it can be called in-process. */
    public int run(List<String> args, PrintStream out) {
        if (args.size() < 2 || !"check".equals(args.get(0))) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        int code = OK;
        for (String arg : args.subList(1, args.size())) {
            Path folder = Path.of(arg);
            if (!Files.isDirectory(folder)) {
                out.println(arg + ": no such folder");
                code = Math.max(code, USAGE);
                continue;
            }
            for (Path segment : segmentsOf(folder)) {
                code = Math.max(code, check(segment, out));
            }
        }
        return code;
    }

    private int check(Path folder, PrintStream out) {
        String segment = folder.toAbsolutePath().normalize().getFileName().toString();
        LoadResult result = loader.load(segment, folder);
        List<RuleProblem> problems = result.problems();
        String failedGate = result.ok() ? null : ReloadOutcome.COMPILE_GATE;
        if (result.ok()) {
            Optional<GateResult> failure = gates.run(segment, folder, result.rules(), Optional.empty()).failure();
            failedGate = failure.map(GateResult::gate).orElse(null);
            problems = failure.map(GateResult::problems).orElse(List.of());
        }
        if (failedGate == null) {
            out.println(segment + ": OK " + result.version() + ", " + result.rules().ruleCount() + " rules from "
                    + String.join(", ", result.files()));
            result.rules().warnings().forEach(warning -> out.println("  warning: " + warning.describe()));
            return OK;
        }
        out.println(segment + ": REJECTED " + result.version() + " by " + failedGate + ", " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + ":");
        problems.forEach(problem -> out.println("  " + problem.describe()));
        return REJECTED;
    }

    /** A folder with rule files is one segment; otherwise it is a rules root and each sub-folder is one. */
    private static List<Path> segmentsOf(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> all = entries.sorted().toList();
            boolean hasRules = all.stream().anyMatch(p -> Files.isRegularFile(p)
                    && RuleFiles.kindOf(p.getFileName().toString()) != null);
            List<Path> subfolders = all.stream().filter(Files::isDirectory)
                    .filter(p -> !RuleFiles.isIgnored(p.getFileName().toString())).toList();
            return hasRules || subfolders.isEmpty() ? List.of(folder) : subfolders;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}

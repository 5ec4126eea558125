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
import org.leadrouter.rules.RulesConfig;

/**
 * The analysts' check, run without the service: {@code check <folder>...} compiles each segment
 * folder (or each segment folder of a rules root) exactly as the service would, prints every
 * problem in the service's words, and exits non-zero if any segment would be rejected.
 */
public final class RulesCheck {

    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: check [--coverage=strict] <segment folder or rules root>...";
    /** Rejects rules no scenario fires, as the service does with leadrouter.rules.coverage-gate=strict. */
    private static final String STRICT_COVERAGE = "--coverage=strict";
    /** The service's default (leadrouter.rules.max-firings); only the catch-all check runs rules here. */
    private static final int MAX_FIRINGS = 1000;
    /** The service's default (leadrouter.rules.deadline): a scenario reaching a rule that hangs fails, not the check. */
    private static final Duration DEADLINE = Duration.ofMillis(200);

    private final RulePackageLoader loader;
    private final PromotionGates gates;

    /**
     * @param gates promotion gates that need nothing of the running service; they run after a
     *              folder compiles, as in the service: the scenarios (see {@link #offlineGates(RulesConfig.CoverageGate)});
     *              the replay gate needs recorded leads and so only runs in the service.
     */
    public RulesCheck(RulePackageLoader loader, List<PromotionGate> gates) {
        this.loader = loader;
        this.gates = new PromotionGates(gates);
    }

    /** The gates the check runs besides compiling: the scenarios, with the service's own lead preparation. */
    static List<PromotionGate> offlineGates(RulesConfig.CoverageGate coverage) {
        return List.of(new ScenarioGate(new LeadFacts(new RegionDirectory(Optional.empty())), coverage));
    }

    public static void main(String[] args) {
        EvaluationWatchdog watchdog = new EvaluationWatchdog(DEADLINE, stopped -> { });
        List<String> arguments = Stream.of(args).filter(arg -> !STRICT_COVERAGE.equals(arg)).toList();
        RulesConfig.CoverageGate coverage = arguments.size() < args.length
                ? RulesConfig.CoverageGate.STRICT : RulesConfig.CoverageGate.WARN;
        int code = new RulesCheck(new RulePackageLoader(MAX_FIRINGS, watchdog), offlineGates(coverage)).run(arguments, System.out);
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
        List<GateResult> results = List.of();
        if (result.ok()) {
            PromotionGates.Run run = gates.run(segment, folder, result.rules(), Optional.empty());
            results = run.results();
            failedGate = run.failure().map(GateResult::gate).orElse(null);
            problems = run.failure().map(GateResult::problems).orElse(List.of());
        }
        if (failedGate == null) {
            out.println(segment + ": OK " + result.version() + ", " + result.rules().ruleCount() + " rules from "
                    + String.join(", ", result.files()));
            result.rules().warnings().forEach(warning -> out.println("  warning: " + warning.describe()));
        } else {
            out.println(segment + ": REJECTED " + result.version() + " by " + failedGate + ", " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ":");
            problems.forEach(problem -> out.println("  " + problem.describe()));
        }
        results.stream().filter(r -> r.report() instanceof ScenarioGate.Summary)
                .forEach(r -> out.println("  " + describe((ScenarioGate.Summary) r.report())));
        return failedGate == null ? OK : REJECTED;
    }

    /** "scenarios: 12 run, 11 passed, 1 failed; 2 rules no scenario fires: A, B". */
    private static String describe(ScenarioGate.Summary summary) {
        String coverage = summary.rulesNotFiredCount() == 0 ? "every rule is fired by a scenario"
                : summary.rulesNotFiredCount() + (summary.rulesNotFiredCount() == 1 ? " rule" : " rules")
                + " no scenario fires: " + String.join(", ", summary.rulesNotFired())
                + (summary.rulesNotFiredCount() > summary.rulesNotFired().size()
                        ? " and " + (summary.rulesNotFiredCount() - summary.rulesNotFired().size()) + " more" : "");
        return "scenarios: " + summary.scenarios() + " run, " + summary.passed() + " passed, " + summary.failed()
                + " failed; " + coverage;
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

package org.leadrouter.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.kie.internal.io.ResourceFactory;
import org.leadrouter.facts.Lead;
import org.leadrouter.rules.tables.DecisionTable;

/**
 * Compiles one segment folder (DRL files and decision tables) into a {@link SegmentRules}, or
 * says precisely why it cannot: compile errors with file and line (and the sheet cell for a
 * decision table), a missing {@code decision} global, or a missing catch-all.
 *
 * <p>Has no container dependencies so the analysts' check command can use it as the service does.
 */
public class RulePackageLoader {

    private final int maxFirings;
    private final EvaluationWatchdog watchdog;
    /**
     * Each segment's decision tables as last read, by segment and file name. Reading a workbook
     * (and linting it) is about a tenth of a reload's processor time, and analysts change one
     * file at a time, so a reload reads again only the tables whose bytes changed. Holds one
     * reading per file, the size of the tables themselves.
     */
    private final ConcurrentMap<TableFile, ReadTable> tablesRead = new ConcurrentHashMap<>();

    private record TableFile(String segment, String name) {
    }

    private record ReadTable(byte[] content, DecisionTable table) {
    }

    /** @param watchdog puts every evaluation of the rules this loader builds under its deadline */
    public RulePackageLoader(int maxFirings, EvaluationWatchdog watchdog) {
        this.maxFirings = maxFirings;
        this.watchdog = watchdog;
    }

    public LoadResult load(String segment, Path dir) {
        Map<String, byte[]> files;
        try {
            files = RuleFiles.read(dir);
        } catch (RuntimeException e) {
            return LoadResult.unreadable(segment, e);
        }
        return compile(segment, files);
    }

    /** Compiles rule files given by name and content (the folder's files, or a candidate's). */
    public LoadResult compile(String segment, Map<String, byte[]> files) {
        String version = RuleSetVersion.of(segment, files);
        List<String> names = List.copyOf(files.keySet());
        if (files.isEmpty()) {
            return LoadResult.rejected(segment, version, names, List.of(RuleProblem.ofSegment(
                    "no rule files (*.drl, *.drl.xlsx, *.xlsx, *.drl.csv) in segment folder " + segment)));
        }
        try {
            return AppClassLoader.run(() -> build(segment, version, files));
        } catch (RuntimeException | LinkageError e) {
            return LoadResult.rejected(segment, version, names,
                    List.of(RuleProblem.ofSegment("rules could not be built: " + e)));
        }
    }

    private LoadResult build(String segment, String version, Map<String, byte[]> files) {
        ClassLoader appLoader = AppClassLoader.get();
        List<String> names = List.copyOf(files.keySet());
        List<RuleProblem> problems = new ArrayList<>();
        KnowledgeBuilderConfiguration builderConfiguration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, appLoader);
        // Drools builds a package of more than 10 rules on a pool with a thread per processor, at
        // normal priority: a reload would take every core from the decisions. One thread, the
        // caller's (a low-priority one for reloads), compiles instead.
        builderConfiguration.setOption(ParallelRulesBuildThresholdOption.get(-1));
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(builderConfiguration);
        // All of the segment's files in one build: a rule may use a function or type that a file
        // read after its own declares, and the Java compiler runs once per reload, not per file.
        CompositeKnowledgeBuilder batch = builder.batch();
        Map<String, String> drlByFile = new HashMap<>();
        Map<String, DecisionTable> tables = new HashMap<>();
        List<RuleProblem> warnings = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            String drl;
            if (RuleFiles.kindOf(name) == RuleFiles.Kind.DRL) {
                drl = new String(file.getValue(), StandardCharsets.UTF_8);
                problems.addAll(UnboundedLoops.find(name, drl));
            } else {
                DecisionTable table = table(segment, name, file.getValue());
                warnings.addAll(table.warnings());
                if (!table.errors().isEmpty()) {
                    // A table with layout or cell errors is not compiled: its generated code would only repeat them.
                    problems.addAll(table.errors());
                    continue;
                }
                tables.put(name, table);
                drl = table.drl();
            }
            drlByFile.put(name, drl);
            batch.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(name), ResourceType.DRL);
        }
        batch.build();
        tablesRead.keySet().removeIf(file -> file.segment().equals(segment) && !files.containsKey(file.name()));
        problems.addAll(BuildErrors.toProblems(builder.getErrors(), drlByFile, tables));
        if (!problems.isEmpty()) {
            return LoadResult.rejected(segment, version, names, problems);
        }

        Collection<KiePackage> packages = builder.getKnowledgePackages();
        KieBaseConfiguration configuration = KieServices.Factory.get().newKieBaseConfiguration(null, appLoader);
        configuration.setOption(ConstraintJittingThresholdOption.get(ConstraintJitting.thresholdFor(packages)));
        KieBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(segment, configuration);
        ((org.drools.kiesession.rulebase.InternalKnowledgeBase) kieBase).addPackages(packages);

        if (!declaresDecisionGlobal(kieBase)) {
            return LoadResult.rejected(segment, version, names, List.of(RuleProblem.ofSegment(
                    "no file declares the result global: add 'global org.leadrouter.facts.Decision decision;'")));
        }
        int ruleCount = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        SegmentRules candidate = new SegmentRules(segment, version, Instant.now(), names, ruleCount, kieBase, maxFirings, null, watchdog, warnings);
        String fallbackQueue;
        try {
            fallbackQueue = catchAllQueue(candidate);
        } catch (RuleDeadlineException e) {
            return LoadResult.rejected(segment, version, names, List.of(RuleProblem.ofSegment(
                    e.getMessage() + " on a lead that has no data")));
        } catch (RuleExecutionException e) {
            // Usually a condition on a field the lead may lack, e.g. str[startsWith] on a null postcode.
            return LoadResult.rejected(segment, version, names, List.of(RuleProblem.ofSegment(
                    "the rules fail on a lead that has no data (" + e.getMessage() + "): guard conditions on "
                            + "fields that may be missing, e.g. Lead(postcode != null, postcode str[startsWith] \"SW\")")));
        }
        if (fallbackQueue == null) {
            return LoadResult.rejected(segment, version, names, List.of(RuleProblem.ofSegment(
                    "no catch-all rule: the lowest-salience routing rule must route every lead, e.g. "
                            + "rule \"Catch-all\" salience -1000 when Lead() then decision.fallback(\"" + segment
                            + "-general\", \"No specific rule matched\"); end")));
        }
        return LoadResult.loaded(candidate.withFallbackQueue(fallbackQueue));
    }

    private DecisionTable table(String segment, String name, byte[] content) {
        TableFile key = new TableFile(segment, name);
        ReadTable last = tablesRead.get(key);
        if (last != null && Arrays.equals(last.content(), content)) {
            return last.table();
        }
        DecisionTable table = DecisionTable.read(name, segment, content);
        tablesRead.put(key, new ReadTable(content.clone(), table));
        return table;
    }

    /**
     * The catch-all is the lowest-salience rule of the routing (MAIN) group. Running only that
     * rule (and scoring) on a lead that carries nothing but its segment must route it; the queue
     * it chooses is where the segment's leads go when its other rules fail at run time.
     */
    private static String catchAllQueue(SegmentRules rules) {
        List<RuleImpl> routing = new ArrayList<>();
        for (KiePackage pkg : rules.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                if (impl.isMainAgendaGroup()) {
                    routing.add(impl);
                }
            }
        }
        if (routing.isEmpty()) {
            return null;
        }
        int lowest = routing.stream().mapToInt(RuleImpl::getSalienceValue).min().orElseThrow();
        Collection<String> catchAll = routing.stream().filter(r -> r.getSalienceValue() == lowest)
                .map(RuleImpl::getName).toList();
        Lead empty = new Lead("catch-all-check", rules.segment(), null, Instant.now(), null, null, null, null,
                null, null, null, null, null, null, null, null, Map.of());
        RuleOutcome outcome = rules.evaluate(empty, match -> {
            RuleImpl rule = (RuleImpl) match.getRule();
            return !rule.isMainAgendaGroup() || catchAll.contains(rule.getName());
        });
        return outcome.decision().isRouted() ? outcome.decision().getQueue() : null;
    }

    private static boolean declaresDecisionGlobal(KieBase kieBase) {
        return kieBase.getKiePackages().stream()
                .flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> SegmentRules.DECISION_GLOBAL.equals(g.getName())
                        && org.leadrouter.facts.Decision.class.getName().equals(g.getType()));
    }
}

package org.leadrouter.rules.reload;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompilerCodeJitTest {

    @Inject
    CompilerCodeJit jit;

    @Test
    void theServiceLimitsTheJitBeforeItsFirstCompile() {
        assertTrue(jit.limited());
    }

    @Test
    void theJvmListsTheDirectiveWithTheOptimisingCompilerExcluded() throws Exception {
        assertTrue(CompilerCodeJit.limit());

        String directives = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String ours = Arrays.stream(directives.split("Directive:"))
                .filter(block -> block.contains("org/eclipse/jdt/*.*")).findFirst().orElseThrow();
        assertTrue(ours.contains("org/drools/drl/*.*"), directives);
        String c2 = ours.substring(ours.indexOf("c2 directives"));
        assertTrue(c2.contains("Exclude:true"), directives);
        String c1 = ours.substring(ours.indexOf("c1 directives"), ours.indexOf("c2 directives"));
        assertTrue(c1.contains("Exclude:false"), directives);
    }

    @Test
    void theCodeThatDecidesLeadsKeepsTheOptimisingCompiler() {
        for (String decisionPath : List.of("org.drools.core.phreak.RuleExecutor",
                "org.drools.kiesession.session.StatefulKnowledgeSessionImpl", "org.drools.core.reteoo.AlphaNode",
                "org.drools.mvel.MVELConstraint", "org.drools.mvel.expr.MVELCompilationUnit",
                "org.mvel2.compiler.CompiledExpression", "org.mvel2.MVEL", "org.leadrouter.rules.SegmentRules",
                "org.leadrouter.rules.SessionPool", "org.leadrouter.routing.RoutingPipeline")) {
            assertDoesNotThrow(() -> Class.forName(decisionPath), decisionPath);
            assertEquals(List.of(), matching(decisionPath), decisionPath);
        }
    }

    @Test
    void everyPatternNamesCodeTheServiceHas() {
        for (String compilerCode : List.of("org.drools.compiler.builder.impl.KnowledgeBuilderImpl",
                "org.drools.drl.parser.DrlParser", "org.drools.mvel.builder.MVELDialect", "org.drools.mvel.asm.ClassGenerator",
                "org.mvel2.asm.ClassWriter", "org.mvel2.compiler.AbstractParser", "org.mvel2.compiler.ExpressionCompiler",
                "org.mvel2.compiler.PropertyVerifier", "org.antlr.runtime.Lexer", "org.eclipse.jdt.internal.compiler.Compiler",
                "org.apache.poi.ss.usermodel.WorkbookFactory", "org.apache.xmlbeans.XmlObject",
                "org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet",
                "com.sun.org.apache.xerces.internal.parsers.SAXParser", "org.leadrouter.rules.tables.DecisionTable")) {
            assertDoesNotThrow(() -> Class.forName(compilerCode), compilerCode);
            assertEquals(1, matching(compilerCode).size(), compilerCode);
        }
        for (String pattern : CompilerCodeJit.RULE_COMPILER_CODE) {
            assertTrue(CompilerCodeJit.directive().contains("\"" + pattern + ".*\""), pattern);
        }
    }

    /** HotSpot's class patterns: a trailing star matches any rest of the name, otherwise the whole name. */
    private static List<String> matching(String className) {
        String name = className.replace('.', '/');
        return CompilerCodeJit.RULE_COMPILER_CODE.stream()
                .filter(p -> p.endsWith("*") ? name.startsWith(p.substring(0, p.length() - 1)) : name.equals(p))
                .toList();
    }
}

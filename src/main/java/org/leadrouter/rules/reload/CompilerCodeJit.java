package org.leadrouter.rules.reload;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.jboss.logging.Logger;
import org.leadrouter.rules.RulesConfig;

/**
 * Keeps HotSpot's optimising compiler (C2) off the code that only compiles rules: the DRL and
 * Java parsers, the decision-table readers and the bytecode writers. That code runs once per
 * reload, so it takes hundreds of reloads to become "hot", and all that time the JIT, whose
 * threads run at normal priority whatever the reload thread's nice value, keeps recompiling it
 * while decisions wait for the processor. Profiled under load with a reload a second, C2 took
 * more processor than the reload itself. Those methods are still compiled by C1, which is quick
 * to compile and good enough for code that runs once a reload; the decision path (Drools' engine,
 * MVEL's evaluation of compiled expressions) is untouched.
 *
 * <p>The limit is a HotSpot compiler directive added when the service starts, before the first
 * compile, through the platform's diagnostic command bean; on a JVM without it the service runs
 * as before and says so once.
 */
@ApplicationScoped
public class CompilerCodeJit {

    private static final Logger LOG = Logger.getLogger(CompilerCodeJit.class);

    /** Classes (HotSpot's slash-separated patterns) that only compile rules, never decide a lead. */
    static final List<String> RULE_COMPILER_CODE = List.of(
            "org/drools/compiler/*", "org/drools/drl/*", "org/drools/mvel/builder/*", "org/drools/mvel/asm/*",
            "org/mvel2/asm/*", "org/mvel2/compiler/AbstractParser", "org/mvel2/compiler/ExpressionCompiler",
            "org/mvel2/compiler/PropertyVerifier", "org/antlr/*", "org/eclipse/jdt/*",
            "org/apache/poi/*", "org/apache/xmlbeans/*", "org/openxmlformats/*", "com/sun/org/apache/xerces/*",
            "org/leadrouter/rules/tables/*");

    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";

    private final RulesConfig config;
    private volatile boolean limited;

    public CompilerCodeJit(RulesConfig config) {
        this.config = config;
    }

    /** Before the segments' first compile, which observes the same event at the default priority. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (config.limitCompilerJit()) {
            limited = limit();
        }
    }

    /** Whether this service's rule compiler code is kept from the optimising JIT. */
    public boolean limited() {
        return limited;
    }

    /** @return whether the directive is in place */
    static boolean limit() {
        Path file = null;
        try {
            file = Files.createTempFile("leadrouter-jit", ".json");
            Files.writeString(file, directive(), StandardCharsets.UTF_8);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMANDS),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
                    new String[] {String[].class.getName()});
            if (String.valueOf(answer).contains("added")) {
                return true;
            }
            LOG.warnf("the JVM refused the rule compiler's JIT limit (%s); reloads take more processor from decisions", answer);
        } catch (JMException | IOException | RuntimeException e) {
            LOG.infof("no JIT limit for the rule compiler on this JVM (%s); reloads take more processor from decisions", e.toString());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debugf("temporary JIT directive %s not deleted: %s", file, e.getMessage());
                }
            }
        }
        return false;
    }

    /** The directive in HotSpot's JSON dialect: every method of those classes, C2 excluded. */
    static String directive() {
        String patterns = RULE_COMPILER_CODE.stream().map(p -> "\"" + p + ".*\"").collect(Collectors.joining(", "));
        return "[{ match: [" + patterns + "], c2: { Exclude: true } }]";
    }
}

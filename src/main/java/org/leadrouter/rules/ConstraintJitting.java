package org.leadrouter.rules;

import java.util.Collection;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.base.rule.constraint.XpathConstraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * Whether a segment's constraints may be compiled to bytecode after their first evaluations
 * (Drools' constraint JIT, on by default) or must stay interpreted by MVEL.
 *
 * <p>Drools 10.2.0 generates a call with the wrong signature when it compiles a constraint that
 * uses an operator Drools implements itself rather than MVEL ({@code str[startsWith]}, the
 * temporal operators, a custom evaluator): after about 20 evaluations every lead it meets fails
 * with {@code NoSuchMethodError} (incubator-kie-drools#6711, fixed after 10.2.0). Such constraints
 * are exactly those that carry evaluator wrappers, so a rule base without any keeps the JIT, which
 * interprets nothing once warm; one with any stays interpreted as a whole. OOPath constraints
 * keep their own nested patterns, which this does not walk, so they turn the JIT off as well.
 */
final class ConstraintJitting {

    static final int OFF = -1;

    private ConstraintJitting() {
    }

    /** The threshold for a rule base built from these packages: Drools' default (the 20th evaluation) or off. */
    static int thresholdFor(Collection<? extends KiePackage> packages) {
        for (KiePackage pkg : packages) {
            for (Rule rule : pkg.getRules()) {
                if (!safe(((RuleImpl) rule).getLhs())) {
                    return OFF;
                }
            }
        }
        return ConstraintJittingThresholdOption.DEFAULT_VALUE;
    }

    private static boolean safe(RuleConditionElement element) {
        if (element instanceof Pattern pattern) {
            for (Constraint constraint : pattern.getConstraints()) {
                if (constraint instanceof XpathConstraint
                        || constraint instanceof MVELConstraint mvel && mvel.getOperators().length > 0) {
                    return false;
                }
            }
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            if (!safe(nested)) {
                return false;
            }
        }
        return true;
    }
}

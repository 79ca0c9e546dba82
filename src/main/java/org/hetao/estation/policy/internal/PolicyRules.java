package org.hetao.estation.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.policy.Policy;

/**
 * Compiles and evaluates eligibility rules in CEL: a sandboxed, side-effect-free expression language
 * with no access to Java objects; rules see only the declared profile fields. A rule must compile,
 * type-check as bool and name only known fields, else the policy is refused with its code.
 */
public final class PolicyRules {

	private final CelCompiler compiler;

	private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

	public PolicyRules() {
		CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
		for (ProfileField field : ProfileField.values()) {
			builder.addVar(field.key(), field.type());
		}
		this.compiler = builder.build();
	}

	/** A compiled condition and the profile fields it reads. */
	public record CompiledCondition(Policy.Condition condition, CelRuntime.Program program, Set<ProfileField> fields) {
	}

	public enum Status {
		MET, NOT_MET, UNKNOWN
	}

	/** The outcome of one condition, with the fields it read that the profile leaves unknown. */
	public record ConditionOutcome(Policy.Condition condition, Status status, List<ProfileField> fields,
			List<ProfileField> missing) {
	}

	public CompiledCondition compile(String policyCode, Policy.Condition condition) {
		CelAbstractSyntaxTree ast;
		try {
			ast = compiler.compile(condition.rule()).getAst();
		}
		catch (CelValidationException ex) {
			throw new PolicyLoadException(policyCode, "condition '" + condition.id() + "' does not compile: "
					+ ex.getMessage());
		}
		Set<ProfileField> fields = new LinkedHashSet<>();
		CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
			CelExpr expr = node.expr();
			if (expr.getKind() == CelExpr.ExprKind.Kind.IDENT) {
				ProfileField.byKey(expr.ident().name()).ifPresent(fields::add);
			}
		});
		try {
			return new CompiledCondition(condition, runtime.createProgram(ast), fields);
		}
		catch (CelEvaluationException ex) {
			throw new PolicyLoadException(policyCode, "condition '" + condition.id() + "': " + ex.getMessage());
		}
	}

	/**
	 * Evaluates with the known fields only. CEL's logical operators absorb errors ({@code true || x} is
	 * true even when {@code x} is unknown), so a condition is unknown only when its value truly depends
	 * on a field the profile does not give.
	 */
	public ConditionOutcome evaluate(CompiledCondition compiled, EligibilityProfile profile, LocalDate today) {
		Map<String, Object> activation = new HashMap<>();
		List<ProfileField> missing = new ArrayList<>();
		for (ProfileField field : compiled.fields()) {
			Object value = field.valueOf(profile, today);
			if (value == null) {
				missing.add(field);
			}
			else {
				activation.put(field.key(), value);
			}
		}
		List<ProfileField> fields = List.copyOf(compiled.fields());
		try {
			Object result = compiled.program().eval(activation);
			if (result instanceof Boolean met) {
				return new ConditionOutcome(compiled.condition(), met ? Status.MET : Status.NOT_MET, fields, List.of());
			}
			// CEL answers an unknown set when the value depends on a variable it was not given.
			return new ConditionOutcome(compiled.condition(), Status.UNKNOWN, fields,
					missing.isEmpty() ? fields : missing);
		}
		catch (CelEvaluationException ex) {
			return new ConditionOutcome(compiled.condition(), Status.UNKNOWN, fields,
					missing.isEmpty() ? fields : missing);
		}
	}

}

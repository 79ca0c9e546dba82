package org.hetao.estation.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.policy.Policies;
import org.hetao.estation.policy.Policy;
import org.hetao.estation.policy.PolicyCategory;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.StartupWork;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policies loaded from {@code policy/policies.json}, every rule compiled once. Loading refuses the
 * whole file, naming the policy, when a policy is incomplete or a rule does not compile or names an
 * unknown profile field. Plain Java: tests load broken files directly.
 *
 * <p>{@link #loadInBackground} compiles on a thread of its own (CEL: about a second of a start): every method
 * waits until it is done, and {@link #await()} says when it is, throwing the load's failure.
 */
public final class PolicyLibrary implements Policies {

	private final CompletableFuture<Compiled> loading;

	private record Compiled(Map<String, Policy> policies, Map<String, List<PolicyRules.CompiledCondition>> conditions,
			PolicyRules rules) {
	}

	private PolicyLibrary(CompletableFuture<Compiled> loading) {
		this.loading = loading;
	}

	public static PolicyLibrary load(String resource) {
		return new PolicyLibrary(CompletableFuture.completedFuture(compile(read(resource))));
	}

	/** Starts loading the resource on a thread of its own and returns at once; the methods wait for the load. */
	public static PolicyLibrary loadInBackground(String resource) {
		return new PolicyLibrary(StartupWork.start("policy-compile", () -> compile(read(resource))));
	}

	/**
	 * Waits until the library is loaded.
	 *
	 * @throws PolicyLoadException (or what else stopped the load) when the library cannot be loaded
	 */
	public PolicyLibrary await() {
		compiled();
		return this;
	}

	private Compiled compiled() {
		return StartupWork.await(loading);
	}

	private static byte[] read(String resource) {
		try (InputStream in = PolicyLibrary.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Policy library missing from the classpath: " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static PolicyLibrary parse(byte[] json) {
		return new PolicyLibrary(CompletableFuture.completedFuture(compile(json)));
	}

	private static Compiled compile(byte[] json) {
		JsonNode root = JsonMapper.builder().build().readTree(json);
		PolicyRules rules = new PolicyRules();
		Map<String, Policy> policies = new LinkedHashMap<>();
		Map<String, List<PolicyRules.CompiledCondition>> compiled = new LinkedHashMap<>();
		int index = 0;
		for (JsonNode node : root) {
			index++;
			String code = text(node, "code");
			String name = code == null ? "#" + index : code;
			if (code == null || !code.matches("[A-Z]{2,10}-[0-9]{3,5}")) {
				throw new PolicyLoadException(name, "missing or malformed code");
			}
			if (policies.containsKey(code)) {
				throw new PolicyLoadException(code, "code used twice");
			}
			Policy policy = policy(code, node);
			List<PolicyRules.CompiledCondition> conditions = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (Policy.Condition condition : policy.conditions()) {
				if (!ids.add(condition.id())) {
					throw new PolicyLoadException(code, "condition id '" + condition.id() + "' used twice");
				}
				conditions.add(rules.compile(code, condition));
			}
			policies.put(code, policy);
			compiled.put(code, conditions);
		}
		return new Compiled(policies, compiled, rules);
	}

	private static Policy policy(String code, JsonNode node) {
		try {
			List<Policy.Condition> conditions = new ArrayList<>();
			for (JsonNode c : required(code, node, "conditions")) {
				String id = text(c, "id");
				String rule = text(c, "rule");
				if (id == null || rule == null || rule.isBlank()) {
					throw new PolicyLoadException(code, "a condition needs an id and a rule");
				}
				conditions.add(new Policy.Condition(id, rule, localized(code, c, "description")));
			}
			if (conditions.isEmpty()) {
				throw new PolicyLoadException(code, "no eligibility condition");
			}
			List<LocalizedText> documents = new ArrayList<>();
			JsonNode docs = node.get("documents");
			if (docs != null) {
				for (JsonNode d : docs) {
					documents.add(localizedNode(code, d, "documents"));
				}
			}
			LocalDate from = LocalDate.parse(text(node, "validFrom"));
			LocalDate until = LocalDate.parse(text(node, "validUntil"));
			if (until.isBefore(from)) {
				throw new PolicyLoadException(code, "valid until is before valid from");
			}
			String department = text(node, "departmentCode");
			if (department == null || department.isBlank()) {
				throw new PolicyLoadException(code, "no department");
			}
			return new Policy(code, department, PolicyCategory.valueOf(text(node, "category")),
					localized(code, node, "title"), localized(code, node, "summary"),
					localized(code, node, "issuingBody"), from, until, localized(code, node, "benefits"), documents,
					localized(code, node, "sourceNote"), node.path("illustrative").asBoolean(true), conditions);
		}
		catch (PolicyLoadException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new PolicyLoadException(code, "invalid entry: " + ex.getMessage());
		}
	}

	private static JsonNode required(String code, JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new PolicyLoadException(code, "missing " + field);
		}
		return value;
	}

	private static LocalizedText localized(String code, JsonNode node, String field) {
		return localizedNode(code, required(code, node, field), field);
	}

	private static LocalizedText localizedNode(String code, JsonNode value, String field) {
		String hant = text(value, "zh-Hant");
		String hans = text(value, "zh-Hans");
		String en = text(value, "en");
		if (hant == null || hans == null || en == null || hant.isBlank() || hans.isBlank() || en.isBlank()) {
			throw new PolicyLoadException(code, field + " needs zh-Hant, zh-Hans and en");
		}
		return LocalizedText.of(hant, hans, en);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	@Override
	public List<Policy> all() {
		return List.copyOf(compiled().policies().values());
	}

	@Override
	public Optional<Policy> find(String code) {
		return Optional.ofNullable(code == null ? null : compiled().policies().get(code));
	}

	/** Every condition of the policy evaluated against the profile. */
	public Eligibility evaluate(Policy policy, EligibilityProfile profile, LocalDate today) {
		Compiled library = compiled();
		List<PolicyRules.ConditionOutcome> outcomes = library.conditions().get(policy.code()).stream()
			.map(c -> library.rules().evaluate(c, profile, today))
			.toList();
		return Eligibility.of(policy, outcomes);
	}

	/** Every policy in force, evaluated, those that qualify first, then nearly, then not. */
	public List<Eligibility> evaluateAll(EligibilityProfile profile, LocalDate today) {
		return compiled().policies().values().stream()
			.filter(p -> p.inForce(today))
			.map(p -> evaluate(p, profile, today))
			.sorted(java.util.Comparator.comparing(Eligibility::verdict))
			.toList();
	}

}

package org.hetao.estation.portal.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.hetao.estation.shared.LateBeans;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The API's OpenAPI document tells what the API does: every operation declares the problem details (RFC 9457) it
 * can answer with, and how a caller signs in. What each operation may answer is derived from what the platform
 * does to every request, not written per operation: the security rules (asked, for each path, whether an
 * anonymous caller may call it: if not, 401 and 403 and the session scheme), CSRF on every unsafe method (403),
 * the input checks (400 for parameters, 413/415/422 for a JSON body), lookups by path (404), concurrent changes and
 * state rules (409), rate limits on unsafe methods (429) and a database outage (503). Successes other than 200 are
 * declared where the controller answers them ({@code @ApiResponse}/{@code @ResponseStatus}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "#/components/schemas/Problem";

	static final String SESSION = "session";

	static final String CSRF = "csrf";

	static final String BASIC = "basic";

	/** Each problem status the API can answer, with what it means. */
	static final Map<String, String> PROBLEMS = new TreeMap<>(Map.of(
			"400", "Bad request: a parameter or the body cannot be read (problem detail, with field errors where known)",
			"401", "Not signed in (or the department's signature is missing or wrong)",
			"403", "Signed in but not allowed, or the CSRF token is missing for a cookie session",
			"404", "No such resource, or one the caller may not see",
			"409", "Conflicts with the resource's state or a concurrent change (the code names the rule)",
			"413", "The request body is larger than the limit",
			"415", "The body is not JSON",
			"422", "The input is well formed but refused by a rule: field errors say which and what to do",
			"429", "Too many requests from this client or for this account: wait (Retry-After) and try again",
			"503", "The database is unavailable: try again (Retry-After)"));

	@Bean
	OpenApiCustomizer apiDocumentationCustomizer(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
		Supplier<Optional<WebInvocationPrivilegeEvaluator>> evaluator = LateBeans.optional(privileges);
		return openApi -> describe(openApi, evaluator.get().orElse(null));
	}

	static void describe(OpenAPI openApi, WebInvocationPrivilegeEvaluator privileges) {
		openApi.info(new Info().title("Hetao e-Station API")
			.version("v1")
			.description("The one-stop service platform of the Hetao Shenzhen-Hong Kong Science and Technology Innovation "
					+ "Cooperation Zone. Errors are RFC 9457 problem details (application/problem+json) in the language "
					+ "of Accept-Language (zh-Hant, zh-Hans, en), with a stable `code` naming the rule."));
		Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
		openApi.components(components);
		components.addSchemas("FieldError", new ObjectSchema().description("One field's problem")
			.addProperty("field", new StringSchema().description("The field, as named in the request"))
			.addProperty("code", new StringSchema().description("A stable code naming the rule"))
			.addProperty("message", new StringSchema().description("What to do, in the caller's language")));
		components.addSchemas("Problem", new ObjectSchema().description("An RFC 9457 problem detail")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("What happened and what to do, in the caller's language"))
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("code", new StringSchema().description("A stable code naming the rule, e.g. casework.error.channelNotOffered"))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))));
		components.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.COOKIE)
			.name("SESSION")
			.description("The session cookie set by signing in at /login (staff: password, then the second factor)"));
		components.addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.HEADER)
			.name("X-CSRF-TOKEN")
			.description("With a session cookie, every unsafe request carries the CSRF token (the page's meta _csrf)"));
		components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("basic")
			.description("HTTP Basic for applicants' scripts (rate-limited like the sign-in form; staff need the second factor)"));
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
			.forEach((method, operation) -> describe(path, method, operation, privileges)));
	}

	static void describe(String path, PathItem.HttpMethod method, Operation operation,
			WebInvocationPrivilegeEvaluator privileges) {
		boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
				&& method != PathItem.HttpMethod.OPTIONS;
		// a module that signs its callers in its own way declares it on the operation (the exchange's departments)
		boolean ownScheme = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
		boolean anonymous = privileges == null || privileges.isAllowed("", example(path), method.name(),
				new AnonymousAuthenticationToken("openapi", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.responses(responses);
		boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
		boolean body = operation.getRequestBody() != null;
		boolean json = body && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().keySet().stream().anyMatch(type -> type.contains("json"));
		if (parameters || body) {
			problem(responses, "400");
		}
		if (!anonymous || ownScheme) {
			problem(responses, "401");
		}
		if (!anonymous || unsafe) {
			problem(responses, "403");
		}
		if (path.contains("{")) {
			problem(responses, "404");
		}
		if (unsafe) {
			problem(responses, "409");
			problem(responses, "429");
		}
		if (body) {
			problem(responses, "413");
			problem(responses, "422");
		}
		if (json) {
			problem(responses, "415");
		}
		problem(responses, "503");
		// whatever else a controller declares itself (a GET that answers 409, say) fails with a problem detail too,
		// whatever type its success returns
		List.copyOf(responses.keySet()).stream()
			.filter(status -> status.length() == 3 && (status.startsWith("4") || status.startsWith("5")))
			.forEach(status -> problem(responses, status));
		if (ownScheme) {
			return;
		}
		if (anonymous) {
			// public: no sign-in; a cookie session, if there is one, still needs the CSRF token on unsafe methods
			operation.security(unsafe ? List.of(new SecurityRequirement(), new SecurityRequirement().addList(SESSION).addList(CSRF))
					: List.of(new SecurityRequirement()));
		}
		else {
			operation.security(List.of(unsafe ? new SecurityRequirement().addList(SESSION).addList(CSRF)
					: new SecurityRequirement().addList(SESSION), new SecurityRequirement().addList(BASIC)));
		}
	}

	private static void problem(ApiResponses responses, String status) {
		Content problem = new Content().addMediaType("application/problem+json",
				new MediaType().schema(new Schema<>().$ref(PROBLEM)));
		ApiResponse declared = responses.get(status);
		if (declared != null) {
			// the controller said when; the body is the problem detail all the same
			declared.content(problem);
			return;
		}
		responses.addApiResponse(status, new ApiResponse().description(PROBLEMS.get(status)).content(problem));
	}

	/** A concrete path for a template, to ask the security rules about: each variable becomes a placeholder. */
	static String example(String template) {
		return template.replaceAll("\\{[^}]+}", "x");
	}

	static Set<String> problemStatuses() {
		return PROBLEMS.keySet();
	}

}

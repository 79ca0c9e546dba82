package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The OpenAPI document tells the truth (#22): it validates as OpenAPI 3.1, declares how callers sign in, gives every
 * operation its problem details, and every status the API answers — walked here, every operation called anonymously
 * and as a signed-in applicant with empty input — is one the document declares for that operation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocumentIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	OpenAPI document() {
		MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk();
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser()
			.readContents(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8), null, options);
		assertThat(parsed.getMessages()).as("the parser's findings").isEmpty();
		return parsed.getOpenAPI();
	}

	@Test
	void theDocumentIsValidOpenApi31AndSaysHowToSignIn() {
		OpenAPI api = document();
		assertThat(api.getOpenapi()).startsWith("3.1");
		assertThat(api.getComponents().getSecuritySchemes()).containsKeys("session", "csrf", "basic", "departmentSignature");
		assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldError");

		Operation submit = api.getPaths().get("/api/v1/applications").getPost();
		assertThat(submit.getResponses()).containsKeys("201", "400", "401", "403", "409", "422").doesNotContainKey("200");
		assertThat(submit.getSecurity()).as("a cookie session with the CSRF token, or HTTP Basic")
			.anySatisfy(r -> assertThat(r).containsKeys("session", "csrf"))
			.anySatisfy(r -> assertThat(r).containsKeys("basic"));
		Operation report = api.getPaths().get("/api/v1/exchange/{department}/tasks/{taskId}/events").getPost();
		assertThat(report.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsOnlyKeys("departmentSignature"));
		assertThat(report.getResponses()).containsKey("401");
		Operation catalogue = api.getPaths().get("/api/v1/catalog/items/{code}").getGet();
		assertThat(catalogue.getResponses()).as("public: no sign-in").containsKeys("200", "404").doesNotContainKeys("401", "403");

		int operations = 0;
		for (var path : api.getPaths().entrySet()) {
			for (var op : path.getValue().readOperationsMap().entrySet()) {
				operations++;
				Map<String, ApiResponse> responses = op.getValue().getResponses();
				assertThat(responses.keySet()).as(op.getKey() + " " + path.getKey() + " answers a success")
					.anyMatch(status -> status.startsWith("2"));
				assertThat(responses).as(op.getKey() + " " + path.getKey()).containsKey("503");
				responses.forEach((status, response) -> {
					if (status.startsWith("4") || status.startsWith("5")) {
						assertThat(response.getContent()).as(status + " of " + op.getKey() + " " + path.getKey())
							.containsOnlyKeys("application/problem+json");
						assertThat(response.getContent().get("application/problem+json").getSchema().get$ref())
							.isEqualTo("#/components/schemas/Problem");
					}
				});
			}
		}
		assertThat(operations).isGreaterThan(100);
	}

	@Test
	void everyStatusTheApiAnswersIsDeclaredForItsOperation() throws Exception {
		OpenAPI api = document();
		EstationUser applicant = accounts.findByUsername("applicant-hk").orElseThrow();
		Map<String, Set<String>> undeclared = new LinkedHashMap<>();
		List<String> walked = new ArrayList<>();
		for (var path : api.getPaths().entrySet()) {
			for (var op : path.getValue().readOperationsMap().entrySet()) {
				if (path.getKey().startsWith("/api/v1/audit/checkpoints")) {
					continue; // writes a checkpoint file: covered by AuditCheckpointIntegrationTests
				}
				Set<String> declared = op.getValue().getResponses().keySet();
				for (boolean signedIn : new boolean[] { false, true }) {
					MockHttpServletRequestBuilder request = request(op.getKey(), path.getKey(), op.getValue());
					if (signedIn) {
						request.with(user(applicant)).with(csrf());
					}
					String status = String.valueOf(mvc.perform(request).getResponse().getStatus());
					walked.add(op.getKey() + " " + path.getKey() + (signedIn ? " (applicant)" : " (anonymous)") + " -> " + status);
					if (!declared.contains(status)) {
						undeclared.computeIfAbsent(op.getKey() + " " + path.getKey(), k -> new TreeSet<>()).add(status);
					}
				}
			}
		}
		assertThat(walked).hasSizeGreaterThan(200);
		assertThat(undeclared).as("statuses answered but not declared:\n" + String.join("\n", walked)).isEmpty();
	}

	/** The operation with a placeholder for every path variable and an empty body where it takes one. */
	static MockHttpServletRequestBuilder request(PathItem.HttpMethod method, String template, Operation operation) {
		String uri = template.replaceAll("\\{[^}]+}", "0");
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), uri)
			.header("Accept-Language", "en")
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL);
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			Set<String> types = operation.getRequestBody().getContent().keySet();
			if (types.stream().anyMatch(t -> t.contains("json"))) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
			else if (types.stream().anyMatch(t -> t.startsWith("multipart/"))) {
				request.contentType(MediaType.MULTIPART_FORM_DATA).content("");
			}
		}
		return request;
	}

}

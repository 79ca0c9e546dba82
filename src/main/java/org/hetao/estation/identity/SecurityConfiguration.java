package org.hetao.estation.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.shared.HttpAccessRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for pages and API. Pages sign in with a form; API clients may also use HTTP Basic.
 * CSRF protects every request that a browser's ambient session cookie could authenticate: an API call
 * that carries no session cookie (or authenticates with its own Authorization header) cannot be forged
 * cross-site, so it needs no token.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<HttpAccessRules> moduleRules,
			ProblemSecurityHandlers problems, LanguageOnSignIn languageOnSignIn,
			ObjectProvider<OidcConfiguration.OidcSignInSuccess> oidc,
			@org.springframework.beans.factory.annotation.Value("${estation.mfa.staff-http-basic:false}") boolean staffHttpBasic)
			throws Exception {
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		http.authorizeHttpRequests(rules -> {
			rules.requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error").permitAll();
			rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
			rules.requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name());
			rules.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll();
			rules.requestMatchers("/login", "/register", "/language", "/oauth2/**", "/login/oauth2/**").permitAll();
			rules.requestMatchers(HttpMethod.GET, "/", "/about").permitAll();
			moduleRules.forEach(r -> r.configure(rules));
			rules.anyRequest().authenticated();
		});
		http.formLogin(form -> form.loginPage("/login")
			.successHandler(languageOnSignIn)
			.failureHandler(SecurityConfiguration::signInFailed)
			.permitAll());
		oidc.ifAvailable(success -> {
			try {
				http.oauth2Login(o -> o.loginPage("/login").successHandler(success));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		http.logout(logout -> logout.logoutSuccessUrl("/?signedOut"));
		http.httpBasic(Customizer.withDefaults());
		http.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::cannotBeForged));
		http.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(problems, api)
			.defaultAccessDeniedHandlerFor(problems, api));
		http.headers(headers -> headers.frameOptions(f -> f.deny())
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		http.addFilterBefore(new SecondFactorGate(problems, staffHttpBasic),
				org.springframework.security.web.access.intercept.AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * No inline scripts or styles, nothing from other sites, never framed. (HSTS is sent on HTTPS
	 * requests only, as browsers ignore it on plain HTTP.)
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** A locked account is told so (and until when, on the page); any other failure is one vague message. */
	static void signInFailed(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
			org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
		boolean locked = e instanceof org.springframework.security.authentication.LockedException;
		response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
	}

	/** An API request a hostile page cannot make in the user's name. */
	static boolean cannotBeForged(HttpServletRequest request) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		return request.getHeader("Authorization") != null || request.getRequestedSessionId() == null;
	}

}

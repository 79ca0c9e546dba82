package org.hetao.estation.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.shared.HttpAccessRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains, lightest first.
 * <ol>
 * <li>Static files: open to all, the security headers and nothing else (no session, no security context).</li>
 * <li>The public read-only API ({@link StatelessRequests#PUBLIC_READS}: catalogue, search and type-ahead, directory): answers
 * that are the same for everyone, so the chain never looks at a session, even when the browser sends its
 * cookie with every keystroke of the type-ahead.</li>
 * <li>Everything else: pages sign in with a form; API clients may also use HTTP Basic. CSRF protects every
 * request that a browser's ambient session cookie could authenticate: an API call that carries no session
 * cookie (or authenticates with its own Authorization header) cannot be forged cross-site, so it needs no
 * token.</li>
 * </ol>
 * No session is made for anyone who has not signed in: the CSRF token of a signed-out form lives in a cookie
 * ({@code XSRF-TOKEN}, HttpOnly: the pages read it from their meta tag), and so does the page a signed-out
 * person was going to when the sign-in page stopped them ({@link SavedRequests}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
// no global factors (applicants need only one): the filters merge a later factor into the sign-in so far, and
// StaffSecondFactor says which authentications need a second one
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

	/**
	 * Spring Security observes nothing of its own: with an {@code ObservationRegistry} present it would wrap each of
	 * its ~15 filters, the authentication and every authorization decision in an observation on every request (a
	 * tenth of a small API call's CPU in the profiles). Requests are still observed whole ({@code http.server.requests}),
	 * sign-ins and refusals are audited. Without observations the filter chain is not decorated at all, which
	 * {@code management.observations.enable.spring.security=false} alone did not achieve (it made each observation a
	 * no-op, but kept the wrappers).
	 */
	@Bean
	static org.springframework.security.config.observation.SecurityObservationSettings securityObservesNothing() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The one provider for the platform's own accounts (form and HTTP Basic): the password check behind the
	 * sign-in throttle. (Being a bean, it replaces the provider Spring Security would build from the
	 * {@link AccountUserDetailsService}, which would check passwords unthrottled.)
	 */
	@Bean
	org.springframework.security.authentication.AuthenticationProvider throttledSignIn(AccountUserDetailsService users,
			PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		var passwords = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledSignIn(passwords, throttle);
	}

	/** Spring Security's sign-in events, and a paused attempt as a failure too (so that the audit log has it). */
	@Bean
	org.springframework.security.authentication.DefaultAuthenticationEventPublisher authenticationEventPublisher(
			org.springframework.context.ApplicationEventPublisher events) {
		var publisher = new org.springframework.security.authentication.DefaultAuthenticationEventPublisher(events);
		publisher.setAdditionalExceptionMappings(java.util.Map.of(ThrottledSignIn.Paused.class,
				org.springframework.security.authentication.event.AuthenticationFailureLockedEvent.class));
		return publisher;
	}

	/**
	 * The request rules' factory: every rule, {@code permitAll} included, also wants a staff member's second factor
	 * ({@link StaffSecondFactor}).
	 */
	@Bean
	StaffSecondFactor staffSecondFactor(
			@org.springframework.beans.factory.annotation.Value("${estation.mfa.staff-http-basic:false}") boolean staffHttpBasic) {
		return new StaffSecondFactor(staffHttpBasic);
	}

	@Bean
	@Order(1)
	SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
		http.securityMatcher(StatelessRequests.STATIC);
		return stateless(http).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain publicReads(HttpSecurity http) throws Exception {
		http.securityMatcher(StatelessRequests::isPublicRead);
		return stateless(http).build();
	}

	/** Open to everyone, never reads or makes a session; GET only, so nothing to forge. */
	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.csrf(c -> c.disable())
			.anonymous(Customizer.withDefaults());
		return headers(http);
	}

	@Bean
	@Order(3)
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<HttpAccessRules> moduleRules,
			ProblemSecurityHandlers problems, LanguageOnSignIn languageOnSignIn, RequestCache savedRequests,
			CsrfTokenRepository csrfTokens, java.time.Clock clock,
			@org.springframework.beans.factory.annotation.Value("${estation.session.absolute-timeout:12h}") java.time.Duration absoluteTimeout,
			ObjectProvider<OidcConfiguration.OidcSignInSuccess> oidc,
			SecondFactor secondFactor, Accounts accounts,
			ObjectProvider<org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations> passkeys,
			org.springframework.web.servlet.handler.HandlerMappingIntrospector handlerMappings)
			throws Exception {
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		http.authorizeHttpRequests(rules -> {
			// the way through the sign-in, open to a staff member who has given the password but not yet the
			// second factor (the other rules all want it, StaffSecondFactor)
			rules.requestMatchers("/login", "/language", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
					"/favicon.ico")
				.access(StaffSecondFactor.openDuringSignIn());
			// a passkey as the second factor: its challenge and its answer
			rules.requestMatchers(HttpMethod.POST, "/webauthn/authenticate/options", "/login/webauthn")
				.access(StaffSecondFactor.openDuringSignIn());
			rules.requestMatchers("/account/mfa", "/account/mfa/**")
				.access(org.springframework.security.authorization.AuthenticatedAuthorizationManager.authenticated());
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
		passkeys.ifAvailable(relyingParty -> {
			// Spring Security's WebAuthn endpoints over our relying party (PasskeyConfiguration) and tables; our own
			// pages and script instead of its default registration page
			PasskeySignIn passkeySignIn = new PasskeySignIn(accounts, secondFactor, savedRequests);
			try {
				http.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
					.creationOptionsRepository(new PasskeyCreationOptions())
					.withObjectPostProcessor(new org.springframework.security.config.ObjectPostProcessor<
							org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter>() {
						@Override
						public <O extends org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter> O postProcess(
								O filter) {
							filter.setAuthenticationSuccessHandler(passkeySignIn);
							filter.setAuthenticationFailureHandler(passkeySignIn);
							return filter;
						}
					}));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		http.logout(logout -> logout.logoutSuccessUrl("/?signedOut"));
		http.httpBasic(basic -> basic.authenticationEntryPoint(basicFailed(problems)));
		http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
			.ignoringRequestMatchers(SecurityConfiguration::cannotBeForged));
		http.requestCache(cache -> cache.requestCache(savedRequests));
		http.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(problems, api)
			.defaultAuthenticationEntryPointFor(new PageSignInEntryPoint(handlerMappings),
					request -> !api.matches(request) && request.getHeader("Authorization") == null)
			.defaultAccessDeniedHandlerFor(problems, api)
			.defaultDeniedHandlerForMissingAuthority(new SecondFactorEntryPoint(problems, secondFactor),
					StaffSecondFactor.TOTP_AUTHORITY)
			.defaultDeniedHandlerForMissingAuthority(new SecondFactorEntryPoint(problems, secondFactor),
					org.springframework.security.core.authority.FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
		headers(http);
		http.addFilterBefore(new AbsoluteSessionTimeout(absoluteTimeout, clock), SecurityContextHolderFilter.class);
		return http.build();
	}

	private static HttpSecurity headers(HttpSecurity http) throws Exception {
		return http.headers(headers -> headers.frameOptions(f -> f.deny())
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
	}

	/**
	 * The CSRF token in a cookie rather than the session, so that a signed-out page needs no session.
	 * HttpOnly: the pages hand the token to their scripts in a meta tag. Same {@code Secure} setting as
	 * the session cookie.
	 */
	@Bean
	CsrfTokenRepository csrfTokenRepository(
			@org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setHeaderName("X-CSRF-TOKEN");
		tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(secure).sameSite("Lax").path("/"));
		return tokens;
	}

	/**
	 * No inline scripts or styles, nothing from other sites, never framed. (HSTS is sent on HTTPS
	 * requests only, as browsers ignore it on plain HTTP.)
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * A paused sign-in (too many failures with the name or from the client, {@link SignInThrottle}) says so, the
	 * same whether the name has an account or not; any other failure is one vague message.
	 */
	static void signInFailed(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
			org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
		boolean paused = e instanceof ThrottledSignIn.Paused;
		response.sendRedirect(request.getContextPath() + (paused ? "/login?locked" : "/login?error"));
	}

	/** HTTP Basic refused: 429 with Retry-After while the sign-in is paused, else a request for credentials. */
	static org.springframework.security.web.AuthenticationEntryPoint basicFailed(ProblemSecurityHandlers problems) {
		var credentials = new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();
		credentials.setRealmName("Realm");
		return (request, response, e) -> {
			if (e instanceof ThrottledSignIn.Paused paused) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, paused.waitFor().toSeconds())));
				problems.write(request, response, 429, "error.title.429", "identity.signIn.paused");
			}
			else if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
				response.sendError(401);
			}
			else {
				credentials.commence(request, response, e);
			}
		};
	}

	/**
	 * An API request a hostile page cannot make in the user's name: one that carries no session cookie (a
	 * forged request would carry the victim's). A request with a session cookie always needs the token, whatever
	 * else it carries (#21: an {@code Authorization} header used to switch the check off even when the cookie was
	 * what signed the request in). A cookie that names no session signs nothing in, so it does not count.
	 */
	static boolean cannotBeForged(HttpServletRequest request) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		return request.getRequestedSessionId() == null || !request.isRequestedSessionIdValid();
	}

}

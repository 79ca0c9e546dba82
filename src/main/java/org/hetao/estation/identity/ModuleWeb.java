package org.hetao.estation.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's URL rules and header links, declared together as one bean in {@code <module>/web/<Module>WebConfiguration}:
 *
 * <pre>
 * return ModuleWeb.rules()
 * 	.get("/calendars", "/calendars/**").permitAll()
 * 	.paths("/admin/calendars/**").hasRole(Role.ADMIN)
 * 	.link("calendar.nav.public", "/calendars", 900, Audience.EVERYONE);
 * </pre>
 *
 * The rules are applied in the order written (Spring Security takes the first that matches), before the identity
 * module's final "everything else needs a sign-in"; the links join the header's. It lives beside {@link Role} (which
 * {@code shared} cannot see) and is itself an {@link HttpAccessRules}, so a plain {@code HttpAccessRules} or
 * {@code NavigationLink} bean still works as before.
 */
public final class ModuleWeb implements HttpAccessRules {

	private final List<Consumer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>> rules = new ArrayList<>();

	private final List<NavigationLink> links = new ArrayList<>();

	private ModuleWeb() {
	}

	/** An empty set of rules and links. */
	public static ModuleWeb rules() {
		return new ModuleWeb();
	}

	/** A rule for these paths, whatever the method. */
	public Rule paths(String... patterns) {
		return new Rule(null, patterns);
	}

	/** A rule for GET requests to these paths. */
	public Rule get(String... patterns) {
		return new Rule(HttpMethod.GET, patterns);
	}

	/** A rule for POST requests to these paths. */
	public Rule post(String... patterns) {
		return new Rule(HttpMethod.POST, patterns);
	}

	/** A link in the site's header for this audience. */
	public ModuleWeb link(String messageKey, String path, int order, NavigationLink.Audience audience) {
		links.add(new NavigationLink(messageKey, path, order, audience));
		return this;
	}

	/** The header links, in the order declared. */
	public List<NavigationLink> links() {
		return List.copyOf(links);
	}

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
		rules.forEach(rule -> rule.accept(registry));
	}

	/** Which paths; {@link #permitAll()}, {@link #authenticated()} or {@link #hasRole(Role...)} says who. */
	public final class Rule {

		private final HttpMethod method;

		private final String[] patterns;

		private Rule(HttpMethod method, String[] patterns) {
			this.method = method;
			this.patterns = patterns.clone();
		}

		/** Open to everyone, signed in or not. */
		public ModuleWeb permitAll() {
			return add(url -> url.permitAll());
		}

		/** Anyone signed in; the services check whose thing it is. */
		public ModuleWeb authenticated() {
			return add(url -> url.authenticated());
		}

		/** Anyone with one of these roles. */
		public ModuleWeb hasRole(Role... roles) {
			String[] names = Arrays.stream(roles).map(Role::name).toArray(String[]::new);
			return add(names.length == 1 ? url -> url.hasRole(names[0]) : url -> url.hasAnyRole(names));
		}

		/** Any member of staff (every role but the applicant's). */
		public ModuleWeb staff() {
			return hasRole(Role.staff());
		}

		private ModuleWeb add(
				Consumer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl> access) {
			rules.add(registry -> access
				.accept(method == null ? registry.requestMatchers(patterns) : registry.requestMatchers(method, patterns)));
			return ModuleWeb.this;
		}

	}

}

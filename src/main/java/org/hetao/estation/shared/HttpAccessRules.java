package org.hetao.estation.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's URL access rules. Each module declares the rules for its own paths, with its header links, as one
 * {@code identity.ModuleWeb} bean in {@code <module>/web/<Module>WebConfiguration} (a ModuleWeb is one of these); the
 * identity module applies them all before its final "everything else needs a login" rule. Object-level
 * checks (whose case is this?) still belong in the module's services.
 */
@FunctionalInterface
public interface HttpAccessRules {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}

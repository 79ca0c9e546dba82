package org.hetao.estation.identity;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.util.StringUtils;

/**
 * The relying party of staff passkeys: who the platform is to an authenticator. Its id is the public host name
 * (a passkey works only on that site and its subdomains), its origins the addresses the pages are served from:
 * {@code estation.webauthn.rp-id} and {@code estation.webauthn.allowed-origins}, by default both taken from the
 * public base URL {@code estation.notification.base-url}; without one (the embedded mode), {@code localhost} on the
 * port the server listens on. On unless {@code estation.webauthn.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "estation.webauthn.enabled", havingValue = "true", matchIfMissing = true)
class PasskeyConfiguration {

	/**
	 * Spring Security's WebAuthn4J operations over our tables, made at the first passkey request rather than at start:
	 * the origins may name the port the server was given ({@code local.server.port}), known only once it listens.
	 */
	@Bean
	WebAuthnRelyingPartyOperations relyingParty(PasskeyUsers users, Passkeys passkeys, Environment environment,
			@Value("${estation.mfa.issuer:Hetao e-Station}") String name) {
		Supplier<WebAuthnRelyingPartyOperations> made = () -> {
			String baseUrl = environment.getProperty("estation.notification.base-url", "");
			String local = "http://localhost:"
					+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
			String rpId = environment.getProperty("estation.webauthn.rp-id",
					StringUtils.hasText(baseUrl) ? URI.create(baseUrl).getHost() : "localhost");
			String origins = environment.getProperty("estation.webauthn.allowed-origins",
					StringUtils.hasText(baseUrl) ? origin(baseUrl) : local);
			Set<String> allowed = new LinkedHashSet<>();
			Arrays.stream(origins.split(",")).map(String::strip).filter(StringUtils::hasText).forEach(allowed::add);
			return new Webauthn4JRelyingPartyOperations(users, passkeys,
					PublicKeyCredentialRpEntity.builder().id(rpId).name(name).build(), allowed);
		};
		return new WebAuthnRelyingPartyOperations() {

			private volatile WebAuthnRelyingPartyOperations operations;

			private WebAuthnRelyingPartyOperations operations() {
				if (operations == null) {
					synchronized (this) {
						if (operations == null) {
							operations = made.get();
						}
					}
				}
				return operations;
			}

			@Override
			public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
					PublicKeyCredentialCreationOptionsRequest request) {
				return operations().createPublicKeyCredentialCreationOptions(request);
			}

			@Override
			public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
				return operations().registerCredential(request);
			}

			@Override
			public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
					PublicKeyCredentialRequestOptionsRequest request) {
				return operations().createCredentialRequestOptions(request);
			}

			@Override
			public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
				return operations().authenticate(request);
			}

		};
	}

	/** {@code https://estation.example.gov/path} → {@code https://estation.example.gov}. */
	static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
	}

}

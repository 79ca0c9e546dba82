package org.hetao.estation.identity;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in the session between its two requests, as Spring Security's own
 * repository does, but as a serialisable snapshot: sessions live in the database (any node answers the second
 * request), and {@link PublicKeyCredentialCreationOptions} is not serialisable. The snapshot holds what checking the
 * new passkey needs: the challenge, the relying party, the user, the algorithms offered and the user verification.
 */
class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	static final String ATTRIBUTE = PasskeyCreationOptions.class.getName();

	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
			PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
			PublicKeyCredentialParameters.RS1);

	record Snapshot(Bytes challenge, String rpId, String rpName, PublicKeyCredentialUserEntity user,
			List<Long> algorithms, String userVerification) implements Serializable {
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
		request.getSession()
			.setAttribute(ATTRIBUTE, new Snapshot(options.getChallenge(), options.getRp().getId(),
					options.getRp().getName(), options.getUser(),
					options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(),
					selection == null || selection.getUserVerification() == null ? null
							: selection.getUserVerification().getValue()));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Snapshot snapshot)) {
			return null;
		}
		UserVerificationRequirement verification = Stream
			.of(UserVerificationRequirement.DISCOURAGED, UserVerificationRequirement.PREFERRED,
					UserVerificationRequirement.REQUIRED)
			.filter(v -> v.getValue().equals(snapshot.userVerification()))
			.findFirst()
			.orElse(UserVerificationRequirement.PREFERRED);
		return PublicKeyCredentialCreationOptions.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id(snapshot.rpId()).name(snapshot.rpName()).build())
			.user(snapshot.user())
			.challenge(snapshot.challenge())
			.pubKeyCredParams(ALGORITHMS.stream().filter(p -> snapshot.algorithms().contains(p.getAlg().getValue())).toList())
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder().userVerification(verification).build())
			.build();
	}

}

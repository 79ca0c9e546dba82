package org.hetao.estation.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * What happens after a passkey was checked ({@code POST /login/webauthn}, Spring Security's WebAuthn filter, which
 * has already merged the passkey's factor into the password sign-in of the session): the session continues as the
 * e-Station account with both factors, under a new id, and the page's script is told where to go. A passkey alone,
 * with no password given before it, is refused: here it is a second factor, never the whole sign-in (not every
 * authenticator checks who holds it, and the password step is where sign-ins are throttled and audited).
 */
class PasskeySignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final Accounts accounts;

	private final SecondFactor secondFactor;

	private final RequestCache savedRequests;

	PasskeySignIn(Accounts accounts, SecondFactor secondFactor, RequestCache savedRequests) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
		this.savedRequests = savedRequests;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		boolean firstFactorGiven = StaffSecondFactor.hasFactor(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)
				|| StaffSecondFactor.hasFactor(authentication, FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY);
		EstationUser user = accounts.findByUsername(authentication.getName())
			.filter(account -> account.getUsername().equals(authentication.getName()))
			.orElse(null);
		if (!firstFactorGiven || user == null || !user.isStaff()) {
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			answer(response, 401, "{\"authenticated\":false}");
			return;
		}
		CurrentUser.signIn(user, request, response);
		request.changeSessionId();
		secondFactor.passedWithPasskey(user);
		String next = "/";
		SavedRequest saved = savedRequests.getRequest(request, response);
		if (saved != null) {
			savedRequests.removeRequest(request, response);
			next = saved.getRedirectUrl();
		}
		answer(response, 200, "{\"authenticated\":true,\"redirectUrl\":\"" + json(next) + "\"}");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		CurrentUser.get().ifPresent(secondFactor::failedWithPasskey);
		answer(response, 401, "{\"authenticated\":false}");
	}

	private static void answer(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.getWriter().write(body);
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}

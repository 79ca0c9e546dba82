package org.hetao.estation.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Where a staff member signed in with the password alone is sent when a rule wants the second factor (Spring
 * Security's missing-authority handler calls it for {@link StaffSecondFactor#TOTP_AUTHORITY} and
 * {@code FACTOR_WEBAUTHN}): a page goes to the code page ({@code /account/mfa}, or {@code /account/mfa/enrol} for
 * someone with no second factor yet); API calls, htmx fragments and event streams get a 401 problem (a redirect
 * would paste the code page into the page); an HTTP Basic call is told that staff cannot use it (it has no second
 * factor).
 */
class SecondFactorEntryPoint implements AuthenticationEntryPoint {

	private final ProblemSecurityHandlers problems;

	private final SecondFactor secondFactor;

	SecondFactorEntryPoint(ProblemSecurityHandlers problems, SecondFactor secondFactor) {
		this.problems = problems;
		this.secondFactor = secondFactor;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (StaffSecondFactor.isBasic(request)) {
			problems.write(request, response, 401, "error.title.401", "identity.mfa.basicRefused");
		}
		else if (path.startsWith("/api/") || PageSignInEntryPoint.isBackgroundRequest(request)) {
			problems.write(request, response, 401, "error.title.401", "identity.mfa.required");
		}
		else {
			boolean enrolled = CurrentUser.get().map(user -> secondFactor.enrolled(user.id())).orElse(true);
			response.sendRedirect(request.getContextPath() + (enrolled ? "/account/mfa" : "/account/mfa/enrol"));
		}
	}

}

package org.hetao.estation.identity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Passkeys;
import org.hetao.estation.identity.SecondFactor;
import org.hetao.estation.identity.SignInThrottle;
import org.hetao.estation.identity.Totp;
import org.hetao.estation.shared.Databases;
import org.hetao.estation.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff second factor: the code after the password ({@code /account/mfa}), enrolment with recovery
 * codes ({@code /account/mfa/enrol}), and new recovery codes from the account page.
 */
@Controller
class SecondFactorController {

	static final String ENROL_SECRET = "estation.mfa.enrolSecret";

	private final SecondFactor secondFactor;

	private final MessageSource messages;

	private final String issuer;

	private final String demoSecret;

	private final RequestCache requestCache;

	private final SignInThrottle throttle;

	private final Passkeys passkeys;

	private final boolean passkeysOn;

	SecondFactorController(SecondFactor secondFactor, SignInThrottle throttle, Passkeys passkeys,
			@Value("${estation.webauthn.enabled:true}") boolean passkeysOn, MessageSource messages, RequestCache requestCache,
			javax.sql.DataSource dataSource,
			@Value("${estation.mfa.issuer:Hetao e-Station}") String issuer,
			@Value("${estation.demo.enabled:false}") boolean demo,
			@Value("${estation.demo.totp-secret:}") String demoSecret) {
		this.secondFactor = secondFactor;
		this.throttle = throttle;
		this.passkeys = passkeys;
		this.passkeysOn = passkeysOn;
		this.requestCache = requestCache;
		this.messages = messages;
		this.issuer = issuer;
		// the demo secret is shown only on the embedded demo database, never on PostgreSQL (production) even if
		// demo data were switched on there (#21)
		this.demoSecret = demo && !demoSecret.isBlank() && !Databases.isPostgres(dataSource) ? demoSecret : null;
	}

	@GetMapping("/account/mfa")
	String initCodeForm(HttpServletRequest request, Model model) {
		CurrentUser.require();
		return switch (secondFactor.pending()) {
			case NONE -> "redirect:/";
			case ENROL -> "redirect:/account/mfa/enrol";
			case VERIFY -> codePage(model, null);
		};
	}

	private String codePage(Model model, String error) {
		model.addAttribute("codeError", error);
		model.addAttribute("hasPasskeys",
				passkeysOn);
		model.addAttribute("demoSecret", demoSecret);
		return "identity/mfa";
	}

	@PostMapping("/account/mfa")
	String processCodeForm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		EstationUser user = CurrentUser.require();
		if (secondFactor.pending() != SecondFactor.Pending.VERIFY) {
			return "redirect:/account/mfa";
		}
		if (code.isBlank()) {
			return codePage(model, "identity.mfa.code.required");
		}
		return switch (secondFactor.verify(user, code)) {
			case PASSED -> {
				SecondFactor.completeSignIn(request, response);
				yield "redirect:" + continueUrl(request, response);
			}
			case WRONG -> codePage(model, "identity.mfa.code.wrong");
			case PAUSED -> {
				model.addAttribute("codeErrorArgs", new Object[] {
						throttle.waitBeforeSecondFactor(user.id()).map(d -> Math.max(1, d.toSeconds())).orElse(1L) });
				yield codePage(model, "identity.mfa.code.paused");
			}
		};
	}

	@GetMapping("/account/mfa/enrol")
	String initEnrolForm(HttpServletRequest request, Model model, Locale locale) {
		EstationUser user = requireStaff();
		SecondFactor.Pending pending = secondFactor.pending();
		if (pending == SecondFactor.Pending.VERIFY) {
			return "redirect:/account/mfa";
		}
		if (pending == SecondFactor.Pending.NONE && secondFactor.enrolled(user.id())) {
			return "redirect:/account";
		}
		return enrolPage(request, model, user, locale, null);
	}

	private String enrolPage(HttpServletRequest request, Model model, EstationUser user, Locale locale, String error) {
		HttpSession session = request.getSession();
		String secret = (String) session.getAttribute(ENROL_SECRET);
		if (secret == null) {
			secret = secondFactor.newSecret();
			session.setAttribute(ENROL_SECRET, secret);
		}
		String uri = Totp.uri(issuer, user.getUsername(), secret);
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("otpauthUri", uri);
		model.addAttribute("qrSvg", QrSvg.of(uri, messages.getMessage("identity.mfa.enrol.qr", null, locale)));
		model.addAttribute("codeError", error);
		return "identity/mfa-enrol";
	}

	@PostMapping("/account/mfa/enrol")
	String processEnrolForm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		EstationUser user = requireStaff();
		SecondFactor.Pending pending = secondFactor.pending();
		if (pending == SecondFactor.Pending.VERIFY
				|| (pending == SecondFactor.Pending.NONE && secondFactor.enrolled(user.id()))) {
			return "redirect:/account/mfa";
		}
		String secret = (String) request.getSession().getAttribute(ENROL_SECRET);
		if (secret == null) {
			return "redirect:/account/mfa/enrol";
		}
		if (code.isBlank()) {
			return enrolPage(request, model, user, locale, "identity.mfa.code.required");
		}
		List<String> codes;
		try {
			codes = secondFactor.enrol(user, secret, code);
		}
		catch (Problem wrong) {
			return enrolPage(request, model, user, locale, "identity.mfa.code.wrong");
		}
		request.getSession().removeAttribute(ENROL_SECRET);
		SecondFactor.completeSignIn(request, response);
		model.addAttribute("codes", codes);
		model.addAttribute("continueUrl", continueUrl(request, response));
		model.addAttribute("enrolled", true);
		return "identity/mfa-recovery-codes";
	}

	/** New recovery codes (the old ones stop working), shown once. */
	@PostMapping("/account/recovery-codes")
	String regenerateRecoveryCodes(Model model) {
		EstationUser user = requireStaff();
		model.addAttribute("codes", secondFactor.regenerateRecoveryCodes(user));
		model.addAttribute("continueUrl", "/account");
		model.addAttribute("enrolled", false);
		return "identity/mfa-recovery-codes";
	}

	private static EstationUser requireStaff() {
		EstationUser user = CurrentUser.require();
		if (!user.isStaff()) {
			throw Problem.forbidden("error.forbidden");
		}
		return user;
	}

	/** Where the person was going before the sign-in, or the start page. */
	private String continueUrl(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = requestCache.getRequest(request, response);
		if (saved == null) {
			return "/";
		}
		requestCache.removeRequest(request, response);
		return saved.getRedirectUrl();
	}

	private static String signOut(HttpServletRequest request, HttpServletResponse response, String target) {
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
		return "redirect:" + target;
	}

}

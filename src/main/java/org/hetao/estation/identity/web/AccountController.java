package org.hetao.estation.identity.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The signed-in person's own account: language, and signing out on every device. */
@Controller
class AccountController {

	private final Accounts accounts;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final LocaleResolver localeResolver;

	private final org.hetao.estation.identity.SecondFactor secondFactor;

	AccountController(Accounts accounts, FindByIndexNameSessionRepository<? extends Session> sessions,
			LocaleResolver localeResolver, org.hetao.estation.identity.SecondFactor secondFactor) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.localeResolver = localeResolver;
		this.secondFactor = secondFactor;
	}

	@GetMapping("/account")
	String account(Model model) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("account", user);
		model.addAttribute("languages", Arrays.asList(Language.values()));
		model.addAttribute("applicantTypes", Arrays.asList(org.hetao.estation.shared.ApplicantType.values()));
		model.addAttribute("sessionCount", sessions.findByPrincipalName(user.getUsername()).size());
		model.addAttribute("secondFactorEnrolled", user.isStaff() && secondFactor.enrolled(user.id()));
		model.addAttribute("recoveryCodesLeft", user.isStaff() ? secondFactor.recoveryCodesLeft(user.id()) : 0);
		return "identity/account";
	}

	@PostMapping("/account/language")
	String changeLanguage(@RequestParam Language language, HttpServletRequest request, HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		accounts.updatePreferredLanguage(user.id(), language);
		localeResolver.setLocale(request, response, language.locale());
		return "redirect:/account?saved";
	}

	/**
	 * An applicant who came through an external provider chooses their applicant type here (the
	 * provider does not say it); the materials and policies they see depend on it.
	 */
	@PostMapping("/account/applicant-type")
	String changeApplicantType(@RequestParam org.hetao.estation.shared.ApplicantType applicantType,
			HttpServletRequest request, HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		if (!user.hasRole(org.hetao.estation.identity.Role.APPLICANT)) {
			throw org.hetao.estation.shared.Problem.forbidden("error.forbidden");
		}
		accounts.updateApplicantType(user.id(), applicantType);
		// The principal in the session is a snapshot: refresh it so every page sees the new type at once.
		CurrentUser.signIn(accounts.findById(user.id()).orElseThrow(), request, response);
		return "redirect:/account?saved";
	}

	/** Deletes every session of this person on every node, this one included. */
	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(HttpServletRequest request, HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		sessions.findByPrincipalName(user.getUsername()).keySet().forEach(sessions::deleteById);
		new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		return "redirect:/login?signedOutEverywhere";
	}

}

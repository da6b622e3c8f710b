package org.anning.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff sign-in pages: password (processed by Spring Security), then the TOTP code, or enrolment of an
 * authenticator app on first sign-in.
 */
@Controller
class SignInController {

	static final String PENDING_SECRET = "ANNING_PENDING_TOTP_SECRET";

	static final String ISSUER = "Anning";

	private final SecondFactor secondFactor;

	private final StaffSessions sessions;

	SignInController(SecondFactor secondFactor, StaffSessions sessions) {
		this.secondFactor = secondFactor;
		this.sessions = sessions;
	}

	@GetMapping("/desk/signin")
	String initSignInForm() {
		return "desk/signin";
	}

	@GetMapping("/desk/signin/code")
	String initCodeForm(@AuthenticationPrincipal StaffPrincipal principal) {
		return secondFactor.enrolled(principal.accountId()) ? "desk/code" : "redirect:/desk/signin/enrol";
	}

	@PostMapping("/desk/signin/code")
	String processCodeForm(@AuthenticationPrincipal StaffPrincipal principal, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return switch (secondFactor.verify(principal, code)) {
			case ACCEPTED -> {
				sessions.signIn(principal, request, response);
				yield "redirect:/desk";
			}
			case WRONG -> {
				model.addAttribute("codeError", true);
				yield "desk/code";
			}
			case LOCKED -> {
				sessions.signOut(request, response);
				yield "redirect:/desk/signin?error";
			}
		};
	}

	@GetMapping("/desk/signin/enrol")
	String initEnrolForm(@AuthenticationPrincipal StaffPrincipal principal, HttpSession session, Model model) {
		if (secondFactor.enrolled(principal.accountId())) {
			return "redirect:/desk/signin/code";
		}
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		showEnrolment(principal, secret, model);
		return "desk/enrol";
	}

	@PostMapping("/desk/signin/enrol")
	String processEnrolForm(@AuthenticationPrincipal StaffPrincipal principal, @RequestParam(defaultValue = "") String code,
			HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			return "redirect:/desk/signin/enrol";
		}
		return switch (secondFactor.enrol(principal, secret, code)) {
			case ACCEPTED -> {
				session.removeAttribute(PENDING_SECRET);
				sessions.signIn(principal, request, response);
				yield "redirect:/desk";
			}
			case WRONG -> {
				model.addAttribute("codeError", true);
				showEnrolment(principal, secret, model);
				yield "desk/enrol";
			}
			case LOCKED -> {
				sessions.signOut(request, response);
				yield "redirect:/desk/signin?error";
			}
		};
	}

	private static void showEnrolment(StaffPrincipal principal, String secret, Model model) {
		model.addAttribute("qrSvg", QrCode.svg(Totp.otpauthUri(ISSUER, principal.username(), secret)));
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
	}
}

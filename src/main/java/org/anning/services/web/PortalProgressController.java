package org.anning.services.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.anning.services.Applications;
import org.anning.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public progress lookup page (进度查询): the reference and the last six characters of the applicant's
 * identity number. An unknown reference and a wrong suffix get the same answer; lookups are limited per address.
 */
@Controller
class PortalProgressController {

	private final Applications applications;

	private final LookupLimiter limiter;

	PortalProgressController(Applications applications, LookupLimiter limiter) {
		this.applications = applications;
		this.limiter = limiter;
	}

	@GetMapping("/progress")
	String lookup(@RequestParam(required = false) String reference, @RequestParam(required = false) String idSuffix,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("reference", reference);
		model.addAttribute("idSuffix", idSuffix);
		if (!StringUtils.hasText(reference) && !StringUtils.hasText(idSuffix)) {
			return "services/portal/progress";
		}
		var retryAfter = limiter.count(request.getRemoteAddr());
		if (retryAfter.isPresent()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", String.valueOf(retryAfter.getAsLong()));
			model.addAttribute("lookupError", "services.lookup.tooMany");
			return "services/portal/progress";
		}
		try {
			model.addAttribute("progress", applications.progress(reference, idSuffix));
		}
		catch (NotFoundException e) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("lookupError", "services.portal.progress.notFound");
		}
		return "services/portal/progress";
	}
}

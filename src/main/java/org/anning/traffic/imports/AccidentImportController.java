package org.anning.traffic.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.anning.audit.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk page for importing historical accidents: upload a file; it is imported whole and the counts shown, or
 * nothing is stored and every bad line is listed.
 */
@Controller
@RequestMapping("/desk/traffic/imports")
class AccidentImportController {

	private static final String PAGE = "traffic/import";

	private final AccidentImports imports;

	private final AccidentImportErrors errors;

	AccidentImportController(AccidentImports imports, AccidentImportErrors errors) {
		this.imports = imports;
		this.errors = errors;
	}

	@GetMapping
	@PreAuthorize(AccidentImportApi.IMPORTERS)
	String initImportForm(Model model) {
		model.addAttribute("columns", String.join(",", AccidentLineChecks.COLUMNS));
		return PAGE;
	}

	@PostMapping
	@PreAuthorize(AccidentImportApi.IMPORTERS)
	String processImportForm(@RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		model.addAttribute("columns", String.join(",", AccidentLineChecks.COLUMNS));
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", true);
			response.setStatus(422);
			return PAGE;
		}
		ImportResult result;
		try (InputStream in = file.getInputStream()) {
			result = imports.run(in, Actor.current());
		}
		if (result.rejected()) {
			model.addAttribute("result", result);
			model.addAttribute("errors", errors.of(result, locale));
			response.setStatus(422);
			return PAGE;
		}
		redirect.addFlashAttribute("imported", result.imported());
		redirect.addFlashAttribute("updated", result.updated());
		return "redirect:/desk/traffic/imports";
	}
}

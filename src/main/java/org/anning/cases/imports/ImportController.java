package org.anning.cases.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.anning.audit.Actor;
import org.anning.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The desk page for importing historical records: upload a file, watch it being checked and stored in the
 * background, then see the counts or every bad line (and download them as CSV).
 */
@Controller
@RequestMapping("/desk/imports")
class ImportController {

	private final ImportRuns runs;

	private final ImportErrorsView errors;

	ImportController(ImportRuns runs, ImportErrorsView errors) {
		this.runs = runs;
		this.errors = errors;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMINISTRATOR','COMMAND')")
	String initImportForm(Model model) {
		model.addAttribute("kinds", ImportKind.values());
		return "cases/imports/form";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMINISTRATOR','COMMAND')")
	String processImportForm(@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		ImportKind chosen = null;
		for (ImportKind k : ImportKind.values()) {
			if (k.name().equals(kind)) {
				chosen = k;
			}
		}
		if (chosen == null || file == null || file.isEmpty()) {
			model.addAttribute("kinds", ImportKind.values());
			model.addAttribute("kind", kind);
			model.addAttribute("kindError", chosen == null);
			model.addAttribute("fileError", file == null || file.isEmpty());
			return "cases/imports/form";
		}
		// The upload's own temporary file goes when this request ends; the import runs longer.
		Path copy = Files.createTempFile("case-import-upload-", ".csv");
		file.transferTo(copy);
		ImportProgress progress = runs.start(chosen, copy, Actor.current());
		return "redirect:/desk/imports/" + progress.id();
	}

	/** The progress, or for htmx only the progress fragment, which polls itself until the import is finished. */
	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR','COMMAND')")
	String showImport(@PathVariable UUID id, HtmxRequest htmx, HttpServletResponse response, Locale locale,
			Model model) {
		ImportProgress progress = runs.find(id).orElseThrow(() -> new NotFoundException("import"));
		model.addAttribute("run", progress);
		ImportResult result = progress.result();
		if (result != null && result.rejected()) {
			model.addAttribute("errors", errors.of(result, locale));
		}
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "cases/imports/run :: progress"
				: "cases/imports/run";
	}

	@GetMapping("/{id}/errors.csv")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR','COMMAND')")
	ResponseEntity<byte[]> downloadErrors(@PathVariable UUID id, Locale locale) {
		ImportResult result = runs.find(id)
			.map(ImportProgress::result)
			.filter(ImportResult::rejected)
			.orElseThrow(() -> new NotFoundException("import"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("import-errors-" + id + ".csv").build().toString())
			.body(errors.csv(result, locale).getBytes(StandardCharsets.UTF_8));
	}
}

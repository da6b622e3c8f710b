package org.anning.services.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.residents.ResidentPrincipal;
import org.anning.services.Application;
import org.anning.services.Applications;
import org.anning.services.NewApplication;
import org.anning.services.Ratings;
import org.anning.services.Upload;
import org.anning.services.web.ApiViews.MaterialView;
import org.anning.services.web.ApiViews.MyApplication;
import org.anning.services.web.ApiViews.MyLine;
import org.anning.services.web.ApiViews.RatingView;
import org.anning.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * A resident's own applications, with the resident's bearer token: the same rules as the portal's pages.
 * Another resident's reference is not found.
 * <p>
 * Creating honours an {@code Idempotency-Key} header: a repeated request with the same key (also two at once)
 * makes no second application and answers with the application the first one made. Every answer to a create is
 * 201 with the application's Location, the first and the repeated one alike, so that a client that lost the
 * first answer cannot tell, and need not tell, which request made it.
 */
@RestController
@RequestMapping("/api/v1/me/applications")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "Service hall: my applications", description = "A resident's own applications (resident token)")
class MyApplicationsApi {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String MATERIAL_PART = "material.";

	private final Applications applications;

	private final Ratings ratings;

	private final ApiViews views;

	MyApplicationsApi(Applications applications, Ratings ratings, ApiViews views) {
		this.applications = applications;
		this.ratings = ratings;
		this.views = views;
	}

	record NewApplicationBody(String item, String unit, String note, String delivery) {
	}

	record RatingBody(Integer level, String comment) {
	}

	@GetMapping
	@Operation(summary = "My applications, newest first")
	List<MyLine> list(@AuthenticationPrincipal ResidentPrincipal me) {
		return applications.mine(me.id().value()).stream().map(views::myLine).toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Start a draft",
			description = "Add files with POST …/materials and submit with POST …/submit. With Idempotency-Key, a "
					+ "repeat returns the application the first request made (201 both times).")
	@ApiResponse(responseCode = "201", description = "The draft; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<MyApplication> start(@AuthenticationPrincipal ResidentPrincipal me,
			@RequestBody NewApplicationBody body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		Application a = applications.start(me.id().value(),
				new NewApplication(body.item(), body.unit(), body.note(), body.delivery()), key);
		return created(a);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Apply in one step: fields, files and submit",
			description = "Parts item, unit, note, delivery, submit=true, and one file per requirement named "
					+ "material.<REQUIREMENT_CODE>. All of it is stored, or none. With Idempotency-Key, a repeat "
					+ "returns the application the first request made (201 both times).")
	@ApiResponse(responseCode = "201", description = "The submitted application; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields or files, or missing materials (materials.<CODE>)")
	ResponseEntity<MyApplication> apply(@AuthenticationPrincipal ResidentPrincipal me,
			MultipartHttpServletRequest request, @RequestParam(required = false) String item,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String note,
			@RequestParam(required = false) String delivery, @RequestParam(required = false) String submit,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		if (!"true".equals(submit)) {
			throw new InvalidInputException("submit", "services.application.submit.required");
		}
		List<Upload> uploads = new ArrayList<>();
		for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
			if (part.getKey().startsWith(MATERIAL_PART)) {
				String requirement = part.getKey().substring(MATERIAL_PART.length());
				part.getValue().forEach(file -> uploads.add(upload(requirement, file)));
			}
		}
		Application a = applications.apply(me.id().value(), new NewApplication(item, unit, note, delivery), uploads,
				key);
		return created(a);
	}

	@GetMapping("/{reference}")
	@Operation(summary = "One of my applications: status, deadline, materials, notice, timeline, ratings")
	@ApiResponse(responseCode = "404", description = "No such application of mine")
	MyApplication get(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference) {
		return views.mine(applications.mine(me.id().value(), reference));
	}

	@PostMapping(path = "/{reference}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a file for a requirement (draft or returned for supplement)",
			description = "Parts requirement and file. The file's type is judged by its content, not its name.")
	@ApiResponse(responseCode = "201", description = "The stored file")
	@ApiResponse(responseCode = "409", description = "The application takes no files now")
	@ApiResponse(responseCode = "422", description = "Unknown requirement, or a file of a type it does not accept")
	MaterialView addMaterial(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference,
			@RequestParam(required = false) String requirement, @RequestParam(required = false) MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "services.material.empty");
		}
		return ApiViews.material(applications.addMaterial(me.id().value(), reference, upload(requirement, file)));
	}

	@DeleteMapping("/{reference}/materials/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a file sent in the current round")
	@ApiResponse(responseCode = "204", description = "Removed")
	void removeMaterial(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference,
			@PathVariable UUID id) {
		applications.removeMaterial(me.id().value(), reference, id);
	}

	@PostMapping("/{reference}/submit")
	@Operation(summary = "Submit a draft, or resubmit after a notice",
			description = "Everything missing is reported at once as errors on materials.<CODE>.")
	@ApiResponse(responseCode = "422", description = "Missing materials")
	MyApplication submit(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference) {
		return views.mine(applications.submit(me.id().value(), reference));
	}

	@PostMapping("/{reference}/withdraw")
	@Operation(summary = "Withdraw before a decision")
	@ApiResponse(responseCode = "409", description = "Decided already")
	MyApplication withdraw(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference) {
		return views.mine(applications.withdraw(me.id().value(), reference));
	}

	@PostMapping("/{reference}/rating")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rate a closed application (1 to 5); again after a rectification answer")
	@ApiResponse(responseCode = "409", description = "Not closed, or rated already")
	@ApiResponse(responseCode = "422", description = "Level missing or not 1 to 5, or comment too long")
	RatingView rate(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference,
			@RequestBody RatingBody body) {
		return views.rating(ratings.rate(me.id().value(), reference, body.level(), body.comment()));
	}

	private ResponseEntity<MyApplication> created(Application a) {
		URI location = URI.create("/api/v1/me/applications/" + a.reference());
		return ResponseEntity.created(location).body(views.mine(a));
	}

	private static Upload upload(String requirement, MultipartFile file) {
		if (file.getSize() > org.anning.services.Material.MAX_BYTES) { // refused before it is read into memory
			throw new org.anning.web.InvalidInputException("file", "services.material.tooLarge",
					org.anning.services.Material.MAX_BYTES / 1024 / 1024);
		}
		try {
			return new Upload(requirement, file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.anning.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Residents' records for staff apps: finding by exact number (masked) and opening one record with a purpose
 * (audited). Unit scope does not apply: residents are not records of a unit (see {@link ResidentRecords}).
 */
@RestController
@PreAuthorize(ResidentRecords.OPEN)
@Tag(name = "Residents", description = "Residents' accounts on the online portal")
class ResidentRecordApi {

	private final ResidentRecords records;

	ResidentRecordApi(ResidentRecords records) {
		this.records = records;
	}

	/** What to look for; sent in the body so that no identity number ends up in a URL or an access log. */
	record Search(String idNumber, String mobile) {
	}

	@PostMapping("/api/v1/residents/search")
	@Operation(summary = "Find residents by exact identity number or mobile number",
			description = "Numbers are masked; finding is not a read of each resident's data and is not audited.")
	List<Found> find(@RequestBody Search search) {
		return records.find(search.idNumber(), search.mobile())
			.stream()
			.map(r -> new Found(r.id().toString(), r.name(), r.idNumber().masked(), r.mobile().masked()))
			.toList();
	}

	@GetMapping("/api/v1/residents/{id}")
	@Operation(summary = "Open a resident's record for a stated purpose",
			description = "Recorded in the audit trail and shown in the resident's data-access log. Full numbers only "
					+ "where the caller's role needs them for the purpose; otherwise masked.")
	@ApiResponse(responseCode = "404", description = "No such resident")
	@ApiResponse(responseCode = "422", description = "Purpose or ref missing or invalid, listed in errors")
	Opened open(@PathVariable UUID id, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String ref) {
		ResidentRecords.OpenedRecord record = records.open(new ResidentId(id), purpose, ref);
		return new Opened(record.id(), record.name(), record.idNumber(), record.mobile(), record.registeredOn(),
				record.full(), record.purpose().name(), record.ref());
	}

	/** A resident in a list, masked. */
	record Found(String id, String name, String idNumber, String mobile) {
	}

	/** An opened record; {@code full} says whether the numbers are shown in full. */
	record Opened(String id, String name, String idNumber, String mobile, LocalDate registeredOn, boolean full,
			String purpose, String ref) {
	}
}

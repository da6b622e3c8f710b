package org.anning.services.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anning.services.SupplementNotice;

/**
 * The one complete notice of what to supplement: the ticked requirements ({@code items}), each with its problem
 * ({@code problem_<CODE>}) and note ({@code note_<CODE>}), and remarks for anything else.
 */
class DeskNoticeForm {

	private List<String> items = new ArrayList<>();

	private String remarks;

	private final Map<String, String> problems = new HashMap<>();

	private final Map<String, String> notes = new HashMap<>();

	public List<String> getItems() {
		return items;
	}

	public void setItems(List<String> items) {
		this.items = items == null ? new ArrayList<>() : items;
	}

	public String getRemarks() {
		return remarks;
	}

	public void setRemarks(String remarks) {
		this.remarks = remarks;
	}

	public Map<String, String> getProblems() {
		return problems;
	}

	public Map<String, String> getNotes() {
		return notes;
	}

	/** Takes the per-requirement fields, whose names carry the requirement's code, from the request. */
	void readPerItemFields(Map<String, String> params) {
		params.forEach((name, value) -> {
			if (name.startsWith("problem_")) {
				problems.put(name.substring("problem_".length()), value);
			}
			else if (name.startsWith("note_")) {
				notes.put(name.substring("note_".length()), value);
			}
		});
	}

	List<SupplementNotice.Item> toItems() {
		List<SupplementNotice.Item> list = new ArrayList<>();
		for (String code : items) {
			list.add(new SupplementNotice.Item(code, problem(problems.get(code)), notes.get(code)));
		}
		return list;
	}

	private static SupplementNotice.Problem problem(String value) {
		if ("INCORRECT".equals(value)) {
			return SupplementNotice.Problem.INCORRECT;
		}
		return SupplementNotice.Problem.MISSING;
	}
}

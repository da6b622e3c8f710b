package org.anning.units.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.anning.units.Unit;
import org.springframework.util.StringUtils;

/**
 * The units of a scope nested under their parents. A filter keeps the units that match it together with their
 * ancestors, so that a match is still shown where it stands in the tree. Public only for the templates.
 */
public record UnitTree(List<Node> roots, int matches) {

	/** A unit, whether it matches the filter (rather than being shown only as an ancestor), and its children. */
	public record Node(Unit unit, boolean match, List<Node> children) {
	}

	/** @param units the visible units, ordered by code; a unit whose parent is not among them is a root */
	static UnitTree of(List<Unit> units, String filter) {
		Set<String> visible = new LinkedHashSet<>();
		Map<String, List<Unit>> children = new HashMap<>();
		units.forEach(u -> visible.add(u.code()));
		List<Unit> tops = new ArrayList<>();
		for (Unit unit : units) {
			if (unit.parentCode() != null && visible.contains(unit.parentCode())) {
				children.computeIfAbsent(unit.parentCode(), c -> new ArrayList<>()).add(unit);
			}
			else {
				tops.add(unit);
			}
		}
		String needle = StringUtils.hasText(filter) ? filter.strip().toLowerCase(Locale.ROOT) : null;
		int[] matches = { 0 };
		List<Node> roots = branch(tops, children, needle, matches);
		return new UnitTree(roots, matches[0]);
	}

	public boolean isEmpty() {
		return roots.isEmpty();
	}

	/** The codes of every unit shown, depth first. */
	public List<String> codes() {
		List<String> codes = new ArrayList<>();
		collect(roots, codes);
		return codes;
	}

	private static void collect(List<Node> nodes, List<String> codes) {
		for (Node node : nodes) {
			codes.add(node.unit().code());
			collect(node.children(), codes);
		}
	}

	private static List<Node> branch(List<Unit> units, Map<String, List<Unit>> children, String needle,
			int[] matches) {
		List<Node> nodes = new ArrayList<>();
		for (Unit unit : units) {
			boolean match = needle == null || matches(unit, needle);
			List<Node> below = branch(children.getOrDefault(unit.code(), List.of()), children, needle, matches);
			if (match) {
				matches[0]++;
			}
			if (match || !below.isEmpty()) {
				nodes.add(new Node(unit, match, below));
			}
		}
		return nodes;
	}

	static boolean matches(Unit unit, String needle) {
		return unit.code().toLowerCase(Locale.ROOT).contains(needle)
				|| unit.nameZh().toLowerCase(Locale.ROOT).contains(needle)
				|| unit.nameEn().toLowerCase(Locale.ROOT).contains(needle);
	}
}

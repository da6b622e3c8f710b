package org.anning.indicators;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.anning.operations.Command;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.springframework.stereotype.Component;

/**
 * {@code rollups rebuild}: computes every rollup row again from the records. {@code rollups check FROM TO}: compares,
 * for every unit (with its subtree) and the period, the figures from the rollups with those computed directly from
 * the records; prints each difference and exits 1 if there is one.
 */
@Component
class RollupCommand implements Command {

	private final Rollups rollups;

	private final Indicators indicators;

	private final Organisation organisation;

	RollupCommand(Rollups rollups, Indicators indicators, Organisation organisation) {
		this.rollups = rollups;
		this.indicators = indicators;
		this.organisation = organisation;
	}

	@Override
	public String name() {
		return "rollups";
	}

	@Override
	public int run(String[] args, PrintStream out) {
		String what = args.length == 0 ? "" : args[0];
		switch (what) {
			case "rebuild" -> {
				long started = System.nanoTime();
				long rows = rollups.rebuild();
				out.println("Rollups rebuilt from the records: " + rows + " rows in "
						+ (System.nanoTime() - started) / 1_000_000 + " ms");
				return 0;
			}
			case "check" -> {
				if (args.length != 3) {
					throw new UsageException("usage: rollups check FROM TO (dates as YYYY-MM-DD)");
				}
				LocalDate from;
				LocalDate to;
				try {
					from = LocalDate.parse(args[1]);
					to = LocalDate.parse(args[2]);
				}
				catch (java.time.format.DateTimeParseException e) {
					throw new UsageException("usage: rollups check FROM TO (dates as YYYY-MM-DD)");
				}
				int differences = 0;
				for (Unit unit : organisation.all()) {
					Set<UUID> units = organisation.subtree(unit.id()).stream().map(UnitId::value).collect(Collectors.toSet());
					Map<Indicator, BigDecimal> kept = indicators.values(units, from, to);
					Map<Indicator, BigDecimal> direct = indicators.direct(units, from, to);
					for (Indicator indicator : Indicator.values()) {
						if (!same(kept.get(indicator), direct.get(indicator))) {
							differences++;
							out.println(unit.code() + " " + indicator.id() + ": rollups " + kept.get(indicator)
									+ ", records " + direct.get(indicator));
						}
					}
				}
				out.println(differences == 0 ? "Rollups equal the records for every unit from " + from + " to " + to
						: differences + " differences; run: rollups rebuild");
				return differences == 0 ? 0 : 1;
			}
			default -> throw new UsageException("usage: rollups rebuild | rollups check FROM TO");
		}
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
	}
}

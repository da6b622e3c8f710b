package org.anning.traffic;

import java.util.List;
import java.util.Map;

/**
 * An accident as typed at the desk or sent to the API, every value as text so that a bad one can be shown again.
 * {@code occurredAt}: an ISO date and time, local to the bureau's zone ({@code 2024-03-05T18:40}) or with an
 * offset; {@code unit}: a unit code, empty for the caller's own; {@code vehicles}: counts by vehicle type.
 */
public record NewAccident(String unit, String occurredAt, String road, String kmMarker, String latitude,
		String longitude, String type, String deaths, String seriousInjuries, String minorInjuries, String directLoss,
		List<String> causes, Map<String, String> vehicles, String weather, String light, String surface) {
}

package org.anning.traffic;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tileUrl}: a map tile URL template ({@code https://tiles.example/{z}/{x}/{y}.png}) for the black-spot map;
 * empty by default, when the map is drawn on plain coordinates and no outside address is ever reached.
 */
@ConfigurationProperties("anning.traffic")
public record TrafficSettings(String tileUrl) {

	public TrafficSettings {
		tileUrl = tileUrl == null ? "" : tileUrl.strip();
	}

	public boolean hasTiles() {
		return !tileUrl.isEmpty();
	}
}

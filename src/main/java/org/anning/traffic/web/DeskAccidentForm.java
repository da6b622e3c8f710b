package org.anning.traffic.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anning.traffic.NewAccident;

/** An accident as typed on the desk; kept as typed so that a bad value is shown again. */
class DeskAccidentForm {

	private String unit;

	private String occurredAt;

	private String road;

	private String kmMarker;

	private String latitude;

	private String longitude;

	private String type;

	private String deaths;

	private String seriousInjuries;

	private String minorInjuries;

	private String directLoss;

	private List<String> causes = new ArrayList<>();

	private Map<String, String> vehicles = new LinkedHashMap<>();

	private String weather;

	private String light;

	private String surface;

	NewAccident draft() {
		return new NewAccident(unit, occurredAt, road, kmMarker, latitude, longitude, type, deaths, seriousInjuries,
				minorInjuries, directLoss, causes, vehicles, weather, light, surface);
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getOccurredAt() {
		return occurredAt;
	}

	public void setOccurredAt(String occurredAt) {
		this.occurredAt = occurredAt;
	}

	public String getRoad() {
		return road;
	}

	public void setRoad(String road) {
		this.road = road;
	}

	public String getKmMarker() {
		return kmMarker;
	}

	public void setKmMarker(String kmMarker) {
		this.kmMarker = kmMarker;
	}

	public String getLatitude() {
		return latitude;
	}

	public void setLatitude(String latitude) {
		this.latitude = latitude;
	}

	public String getLongitude() {
		return longitude;
	}

	public void setLongitude(String longitude) {
		this.longitude = longitude;
	}

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getDeaths() {
		return deaths;
	}

	public void setDeaths(String deaths) {
		this.deaths = deaths;
	}

	public String getSeriousInjuries() {
		return seriousInjuries;
	}

	public void setSeriousInjuries(String seriousInjuries) {
		this.seriousInjuries = seriousInjuries;
	}

	public String getMinorInjuries() {
		return minorInjuries;
	}

	public void setMinorInjuries(String minorInjuries) {
		this.minorInjuries = minorInjuries;
	}

	public String getDirectLoss() {
		return directLoss;
	}

	public void setDirectLoss(String directLoss) {
		this.directLoss = directLoss;
	}

	public List<String> getCauses() {
		return causes;
	}

	public void setCauses(List<String> causes) {
		this.causes = causes == null ? new ArrayList<>() : causes;
	}

	public Map<String, String> getVehicles() {
		return vehicles;
	}

	public void setVehicles(Map<String, String> vehicles) {
		this.vehicles = vehicles == null ? new LinkedHashMap<>() : vehicles;
	}

	public String getWeather() {
		return weather;
	}

	public void setWeather(String weather) {
		this.weather = weather;
	}

	public String getLight() {
		return light;
	}

	public void setLight(String light) {
		this.light = light;
	}

	public String getSurface() {
		return surface;
	}

	public void setSurface(String surface) {
		this.surface = surface;
	}
}

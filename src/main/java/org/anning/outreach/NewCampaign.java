package org.anning.outreach;

/** A campaign as typed: unit code (empty for the user's own), name, first and last day, target households. */
public record NewCampaign(String unit, String name, String startsOn, String endsOn, String target) {
}

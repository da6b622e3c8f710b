package org.anning.services;

/** What a resident fills in to start an application: the item, the unit that handles it, a note, delivery. */
public record NewApplication(String item, String unit, String note, String delivery) {
}

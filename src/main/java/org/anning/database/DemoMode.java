package org.anning.database;

/**
 * Whether modules load their demo data: on by default with the embedded database, off with an external one
 * unless {@code ANNING_DEMO=true}.
 */
public record DemoMode(boolean on) {
}

package org.anning.database;

/**
 * Whether modules load their demo data: on by default with the embedded database, off with an external one
 * unless {@code ANNING_DEMO=true}. {@code announce} is off for operator commands, which print only their result.
 */
public record DemoMode(boolean on, boolean announce) {

	/**
	 * Shows demo credentials on the console at start-up. Never through the logger: log files must hold no
	 * password, secret or token.
	 */
	public void announce(String banner) {
		if (on && announce) {
			System.out.println(banner);
		}
	}
}

package org.anning.notifications.spi;

/**
 * A way to tell a resident about a notice besides the portal's inbox. Sending happens after the inbox entry is
 * committed; a channel that fails loses nothing but its own message.
 */
public interface NotificationChannel {

	/** The name by which {@code anning.notifications.channels} selects this channel, e.g. {@code sms}. */
	String name();

	/** Sends the notice; the channel looks up how to reach the resident itself. May throw. */
	void send(Notice notice);
}

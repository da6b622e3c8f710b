package org.anning.notifications;

import org.anning.notifications.spi.Notice;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores a notice in the resident's inbox and, only if it is new, hands it to the channels after the inbox entry
 * is committed: a failing gateway loses no entry, and a redelivered event sends nothing twice.
 */
@Component
class Deliveries {

	private final Inbox inbox;

	private final Channels channels;

	Deliveries(Inbox inbox, Channels channels) {
		this.inbox = inbox;
		this.channels = channels;
	}

	void deliver(String kind, String subject, Notice notice) {
		if (!inbox.store(kind, subject, notice)) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					channels.send(notice);
				}
			});
		}
		else {
			channels.send(notice);
		}
	}
}

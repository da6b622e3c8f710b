package org.anning.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.anning.notifications.spi.Notice;
import org.anning.notifications.spi.NotificationChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelsTests {

	@Test
	void aFailingChannelStopsNeitherTheOthersNorTheCaller() {
		List<Notice> sent = new ArrayList<>();
		NotificationChannel failing = channel("sms", notice -> {
			throw new IllegalStateException("gateway down");
		});
		NotificationChannel recording = channel("email", sent::add);
		Channels channels = new Channels(List.of(failing, recording), new NotificationSettings(null));
		Notice notice = new Notice(UUID.randomUUID(), "notifications.application.ACCEPTED", List.of("SH1"), "/me/applications/SH1");

		channels.send(notice);

		assertThat(sent).containsExactly(notice);
	}

	@Test
	void onlyTheConfiguredChannelsSendInTheirOrder() {
		NotificationChannel sms = channel("sms", n -> {
		});
		NotificationChannel email = channel("email", n -> {
		});

		assertThat(new Channels(List.of(sms, email), new NotificationSettings(List.of("email"))).names())
			.containsExactly("email");
		assertThat(new Channels(List.of(sms, email), new NotificationSettings(List.of(" email", "sms", "fax"))).names())
			.containsExactly("email", "sms");
		assertThat(new Channels(List.of(sms, email), new NotificationSettings(null)).names()).containsExactly("sms",
				"email");
	}

	private static NotificationChannel channel(String name, java.util.function.Consumer<Notice> send) {
		return new NotificationChannel() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void send(Notice notice) {
				send.accept(notice);
			}
		};
	}
}

/**
 * The channel SPI: a deployment adds a channel (its own SMS gateway, say) as a Spring bean that implements
 * {@link org.anning.notifications.spi.NotificationChannel} and names it in {@code anning.notifications.channels}.
 */
@org.springframework.modulith.NamedInterface("spi")
package org.anning.notifications.spi;

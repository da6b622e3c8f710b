/**
 * Notifications: tells residents when something they asked for moves on, in their inbox on the portal and through
 * pluggable channels (text message, e-mail).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.anning.notifications;

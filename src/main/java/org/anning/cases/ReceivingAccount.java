package org.anning.cases;

import java.math.BigDecimal;

/** An account a fraud victim paid into, for stop-payment and freezing: channel, institution, number, holder, amount. */
public record ReceivingAccount(PaymentChannel channel, String institution, String account, String holder,
		BigDecimal amount) {
}

package org.anning.cases;

/** How a fraud victim paid: by bank transfer, Alipay, WeChat Pay or otherwise. */
public enum PaymentChannel {

	BANK, ALIPAY, WECHAT, OTHER;

	public String messageKey() {
		return "cases.payment." + name();
	}
}

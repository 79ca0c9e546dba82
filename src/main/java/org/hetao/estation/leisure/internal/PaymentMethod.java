package org.hetao.estation.leisure.internal;

/** Ways to pay at a car park or an eatery; the Hong Kong ones matter to the zone's Hong Kong visitors. */
public enum PaymentMethod {

	WECHAT_PAY(false), ALIPAY(false), E_CNY(false), UNIONPAY(false), CASH_CNY(false),
	ALIPAY_HK(true), WECHAT_PAY_HK(true), OCTOPUS(true), CASH_HKD(true),
	VISA_MASTERCARD(false);

	private final boolean hongKong;

	PaymentMethod(boolean hongKong) {
		this.hongKong = hongKong;
	}

	/** A Hong Kong e-wallet, Octopus or Hong Kong dollars. */
	public boolean hongKong() {
		return hongKong;
	}

}

package org.hetao.estation.certificates;

import java.util.Optional;

/**
 * Where {@code /verify} asks about an e-receipt number (the payments module keeps the receipts): what it was for,
 * or empty when no such receipt was issued.
 */
public interface ReceiptRegister {

	Optional<ReceiptVerification> receipt(String number);

}

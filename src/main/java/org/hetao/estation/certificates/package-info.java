/**
 * Documents with legal effect: receipts, correction and refusal notices as PDFs in the applicant's language, and
 * signed electronic certificates (電子證照) with a registered hash that anyone can verify at {@code /verify}.
 */
package org.hetao.estation.certificates;

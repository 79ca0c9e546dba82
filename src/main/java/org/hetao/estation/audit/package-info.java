/**
 * The tamper-evident audit log: every state change, decision, sign-in and read of personal data,
 * append-only and chained by hashes so that an edited or deleted record is detected.
 */
package org.hetao.estation.audit;

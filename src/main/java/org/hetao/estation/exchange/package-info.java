/**
 * Exchange with connected department systems (customs, tax, police…): accepted tasks are delivered as signed
 * messages from a transactional outbox with retries and dead letters, and the department's system reports its
 * decisions back through a signed inbound API, under the same lifecycle rules as officers in the platform.
 */
package org.hetao.estation.exchange;

/**
 * Evaluations (好差評) of finished services by their applicants, and the rectification (整改) a bad rating opens
 * for the department that gave the service.
 */
package org.hetao.estation.feedback;

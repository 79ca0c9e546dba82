/**
 * Personal data: the encryption keys and rotation of personal data at rest, and the applicant's "my data"
 * page — download everything held about them, ask for erasure within the retention rules.
 */
package org.hetao.estation.privacy;

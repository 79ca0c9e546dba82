/**
 * Small value types used by every module: languages, localized text, applicant types,
 * jurisdictions, problems that the web layer turns into RFC 9457 answers, and the hooks through
 * which modules contribute navigation links and URL access rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hetao.estation.shared;

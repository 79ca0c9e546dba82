/**
 * Support policies for enterprises and talent in the zone (政策諮詢): the policy library as data, its
 * eligibility rules in CEL evaluated against an applicant's profile, the officers' proactive matching
 * (免申即享), and consultations about items and policies whose answers become FAQs.
 */
package org.hetao.estation.policy;

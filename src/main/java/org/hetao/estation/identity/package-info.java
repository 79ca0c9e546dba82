/**
 * Who is who: accounts, roles, registration, sign-in and the platform's security rules.
 */
package org.hetao.estation.identity;

/**
 * The portal's frame: languages and the remembered language choice, the page layout and its
 * navigation, and errors answered in the user's language (RFC 9457 on the API, friendly pages on the web).
 */
package org.hetao.estation.portal;

/**
 * The service catalogue: the four themes, the eight service domains, the departments, the service
 * items (事項) with their materials, form fields and time limits, and the matters (一件事) that bundle
 * items into one application. Loaded from versioned data files; read by every other module.
 */
package org.hetao.estation.catalog;

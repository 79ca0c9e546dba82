package org.hetao.estation.catalog;

import org.hetao.estation.shared.LocalizedText;

/**
 * Something an approved item produces that later items may need, e.g. the unified social credit
 * code of a business licence, or a permit number.
 */
public record ItemOutput(String key, LocalizedText label) {
}

package org.hetao.estation.park;

import java.util.List;

/** Units were allocated to a settled enterprise, which is now in the directory under {@code code}. */
public record UnitsAllocated(long applicationId, String reference, String code, List<String> units, String actor) {
}

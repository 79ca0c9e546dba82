package org.hetao.estation.park.internal;

import java.math.BigDecimal;

import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.LocalizedText;

/** A building of a science base, with a point on the (illustrative) zone map. */
public record Building(String code, ScienceBase base, LocalizedText name, BigDecimal longitude, BigDecimal latitude) {
}

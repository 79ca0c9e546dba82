package org.hetao.estation.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The park's four science bases (科創基地), as the article names them; 150,000 m² in all. The directory
 * places organisations in them and the park module manages their space.
 */
public enum ScienceBase {

	/** 香港科學園深圳分園, managed by Hong Kong Science and Technology Parks Corporation. */
	HKSTP_SHENZHEN,
	/** 國際生物醫藥產業園（二期）, where the park's opening ceremony took place. */
	BIOMEDICINE_PARK_II,
	/** 國資國企產業創新中心. */
	STATE_ENTERPRISE_INNOVATION_CENTRE,
	/** 「灣區芯谷」集成電路產業園核心啟動樓. */
	BAY_AREA_CHIP_VALLEY;

	public String messageKey() {
		return "directory.base." + name();
	}

	public static Optional<ScienceBase> fromCode(String code) {
		return Arrays.stream(values()).filter(b -> b.name().equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
	}

}

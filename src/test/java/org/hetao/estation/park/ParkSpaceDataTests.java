package org.hetao.estation.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.park.internal.ParkSpaceLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The four bases' units add up to exactly the article's 150,000 m²; a file that does not is refused. */
class ParkSpaceDataTests {

	@Test
	void theFourBasesAddUpToExactly150000SquareMetres() throws IOException {
		ParkSpaceLoader.DataFile data = ParkSpaceLoader.read(new ClassPathResource("park/units.json"));
		Map<ScienceBase, BigDecimal> byBase = data.bases()
			.stream()
			.collect(Collectors.toMap(ParkSpaceLoader.BaseData::base,
					b -> b.buildings().stream().flatMap(bd -> bd.floors().stream()).flatMap(f -> f.units().stream())
						.map(ParkSpaceLoader.UnitData::areaM2)
						.reduce(BigDecimal.ZERO, BigDecimal::add)));
		assertThat(byBase).containsOnlyKeys(ScienceBase.values());
		assertThat(byBase.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(BigDecimal.valueOf(150_000));
		assertThat(data.note()).contains("ILLUSTRATIVE");
	}

	@Test
	void aFileThatDoesNotAddUpIsRefused() {
		String json = "{\"version\":\"t\",\"bases\":[{\"base\":\"HKSTP_SHENZHEN\",\"areaM2\":100,\"buildings\":[{\"code\":\"B\","
				+ "\"name\":{\"zh-Hant\":\"甲\",\"zh-Hans\":\"甲\",\"en\":\"A\"},\"longitude\":114.07,\"latitude\":22.52,"
				+ "\"floors\":[{\"number\":1,\"units\":[{\"label\":\"01\",\"areaM2\":90,\"use\":\"OFFICE\",\"rentBand\":\"STANDARD\",\"state\":\"VACANT\"}]}]}]}]}";
		assertThatThrownBy(() -> ParkSpaceLoader.read(new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8))))
			.hasMessageContaining("HKSTP_SHENZHEN: units add up to 90")
			.hasMessageContaining("all four bases are needed")
			.hasMessageContaining("not 150000");
	}

}

package org.hetao.estation.certificates;

import java.awt.image.BufferedImage;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTests {

	@Test
	void theCodeIsDrawnEightPixelsAModuleInsideItsQuietZoneAndReadsBack() throws Exception {
		String text = "https://estation.example/verify?number=HTC-2026-SKGB75ZH8D0";
		BufferedImage image = QrCodes.of(text);

		int modules = image.getWidth() / 8 - 2 * 4;
		assertThat(image.getHeight()).isEqualTo(image.getWidth()).isEqualTo((modules + 2 * 4) * 8);
		assertThat((modules - 17) % 4).as("a QR code of some version: 17 + 4 × version modules a side").isZero();
		assertThat(image.getRGB(0, 0)).as("quiet zone").isEqualTo(0xFFFFFFFF);
		assertThat(image.getRGB(4 * 8 - 1, 4 * 8 - 1)).as("the last pixel of the quiet zone").isEqualTo(0xFFFFFFFF);
		assertThat(image.getRGB(4 * 8, 4 * 8)).as("the finder pattern's corner").isEqualTo(0xFF000000);
		assertThat(image.getRGB(4 * 8 + 7, 4 * 8 + 7)).as("the same module's last pixel").isEqualTo(0xFF000000);
		assertThat(image.getRGB(5 * 8, 5 * 8)).as("the finder pattern's white ring").isEqualTo(0xFFFFFFFF);

		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		assertThat(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText())
			.isEqualTo(text);
	}

}

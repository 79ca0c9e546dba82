package org.hetao.estation.certificates;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes (ZXing) as black-and-white images, 8 pixels a module, with the standard quiet zone. */
final class QrCodes {

	private QrCodes() {
	}

	static BufferedImage of(String text) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			int scale = 8;
			BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
					BufferedImage.TYPE_BYTE_BINARY);
			// written straight into the packed raster (1 bit a pixel, 1 = white): setRGB per pixel went through
			// the colour model for each of the ~100,000 pixels and was most of an approval's CPU
			byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
			int stride = (image.getWidth() + 7) / 8;
			Arrays.fill(pixels, (byte) 0xFF);
			for (int y = 0; y < image.getHeight(); y++) {
				int row = y * stride;
				for (int x = 0; x < image.getWidth(); x++) {
					if (matrix.get(x / scale, y / scale)) {
						pixels[row + x / 8] &= (byte) ~(0x80 >>> (x % 8));
					}
				}
			}
			return image;
		}
		catch (WriterException e) {
			throw new IllegalStateException("Could not make a QR code", e);
		}
	}

}

package org.hetao.estation.park.web;

import java.io.IOException;
import java.io.InputStream;

import org.hetao.estation.park.internal.UploadedPlan;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded business plan from a multipart request. */
record MultipartPlan(MultipartFile file) implements UploadedPlan {

	static MultipartPlan of(MultipartFile file) {
		return file == null || file.isEmpty() ? null : new MultipartPlan(file);
	}

	@Override
	public String fileName() {
		return file.getOriginalFilename();
	}

	@Override
	public long size() {
		return file.getSize();
	}

	@Override
	public InputStream open() throws IOException {
		return file.getInputStream();
	}

}

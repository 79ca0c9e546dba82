package org.hetao.estation.park.internal;

import java.io.IOException;
import java.io.InputStream;

/** An uploaded business plan as the service sees it, whatever the transport (page form or API). */
public interface UploadedPlan {

	String fileName();

	long size();

	InputStream open() throws IOException;

}

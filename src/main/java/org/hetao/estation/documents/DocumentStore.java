package org.hetao.estation.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where document bytes live, by a storage key this module makes up (never a user's file name). The
 * default is a local folder ({@code estation.storage.root}); a production deployment with several nodes
 * declares its own bean (object storage, a shared volume).
 */
public interface DocumentStore {

	void put(String key, byte[] content) throws IOException;

	InputStream open(String key) throws IOException;

	void delete(String key) throws IOException;

}

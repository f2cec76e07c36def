package cn.yousu.casework;

import java.io.IOException;
import java.io.InputStream;

/** Where attachment bytes are kept: local disk by default; an S3-compatible store for clusters. */
public interface AttachmentStorage {

    void put(String key, byte[] content) throws IOException;

    InputStream get(String key) throws IOException;
}

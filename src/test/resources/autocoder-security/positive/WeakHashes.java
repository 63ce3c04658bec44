package fixtures;

import java.security.MessageDigest;
import org.apache.commons.codec.digest.DigestUtils;

class WeakHashes {

    private static final String LEGACY = "Sha1";

    byte[] md5(byte[] data) throws Exception {
        return MessageDigest.getInstance("md5").digest(data);
    }

    byte[] sha1(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(data);
    }

    byte[] constant(byte[] data) throws Exception {
        return MessageDigest.getInstance(LEGACY, "SUN").digest(data);
    }

    String commons(String data) {
        return DigestUtils.md5Hex(data) + DigestUtils.sha1Hex(data);
    }

    byte[] md2(byte[] data) throws Exception {
        return MessageDigest.getInstance("MD2").digest(data);
    }
}

package fixtures;

import java.security.MessageDigest;
import org.apache.commons.codec.digest.DigestUtils;

class SafeHashes {

    private static final String ALGORITHM = "SHA-256";

    byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    byte[] constant(byte[] data) throws Exception {
        return MessageDigest.getInstance(ALGORITHM).digest(data);
    }

    String commons(String data) {
        return DigestUtils.sha256Hex(data) + DigestUtils.sha512Hex(data);
    }

    byte[] sha3(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA3-256").digest(data);
    }
}

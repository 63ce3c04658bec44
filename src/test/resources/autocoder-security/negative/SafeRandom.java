package fixtures;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

class SafeRandom {

    private static final SecureRandom SECURE = new SecureRandom();

    private final Random jitter = new Random();

    String newSessionToken() {
        byte[] bytes = new byte[32];
        SECURE.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    byte[] salt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    long backoffMillis() {
        return 100 + jitter.nextInt(50);
    }

    String shuffleKeyboardLayout(List<String> keyboard) {
        java.util.Collections.shuffle(keyboard, new Random());
        return keyboard.get(0);
    }

    double privateActiveRatio() {
        return Math.random();
    }
}

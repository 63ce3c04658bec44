package fixtures;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

class InsecureRandom {

    private static final Random RANDOM = new Random();

    private final Random saltSource = new Random(42);

    String newSessionToken() {
        return Long.toHexString(new Random().nextLong());
    }

    byte[] salt() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    void assignment(Holder holder) {
        holder.apiKey = String.valueOf(Math.random());
    }

    int pick(int bound) {
        int otpCode = ThreadLocalRandom.current().nextInt(bound);
        return otpCode;
    }

    void argument(Holder holder) {
        holder.setPassword(Double.toString(Math.random()));
    }

    static class Holder {
        String apiKey;

        void setPassword(String password) {
        }
    }
}

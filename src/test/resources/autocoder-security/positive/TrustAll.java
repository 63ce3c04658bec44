package fixtures;

import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.NoopHostnameVerifier;

class TrustAll {

    TrustManager anonymous() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // trust everyone
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    static class AcceptAnyHost implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    void lambdas() {
        HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true);
        HostnameVerifier block = (host, session) -> {
            return true;
        };
    }

    Object apache() {
        return NoopHostnameVerifier.INSTANCE;
    }
}
